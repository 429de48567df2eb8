package io.sitrep.timeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadlessBrowserTest {

    @Test
    void findsTheBrowserOnThePathWhenItIsNotInDebiansPlace(@TempDir Path bin) throws Exception {
        Path chromedriver = Files.createFile(bin.resolve("chromedriver"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        var found = HeadlessBrowser.locate(List.of(bin.resolve("missing").toString()), List.of("chromedriver"), "/nowhere" + File.pathSeparator + bin);

        assertThat(found).contains(chromedriver);
    }

    /** issue 19: the build no longer installs the browser, so a missing one must say how to install it. */
    @Test
    void aMissingBrowserFailsWithAMessageNamingTheInstallScript() {
        assertThatThrownBy(() -> HeadlessBrowser.find("Chromium", List.of("/nowhere/chromium"), List.of("no-such-chromium-here")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("timeline-service/scripts/install-browser.sh")
                .hasMessageContaining("./verify");
    }
}
