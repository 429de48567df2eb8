package io.sitrep.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finding nginx, its generated configuration and where the files go; starting it is the read storm's business. */
class NginxTest {

    @Test
    void nginxIsFoundInTheFirstFolderOfThePathThatHoldsAnExecutableOne(@TempDir Path folder) throws IOException {
        Path empty = Files.createDirectories(folder.resolve("empty"));
        Path sbin = Files.createDirectories(folder.resolve("sbin"));
        Path nginx = Files.writeString(sbin.resolve("nginx"), "#!/bin/sh\n");
        nginx.toFile().setExecutable(true);

        assertThat(Nginx.find(empty + File.pathSeparator + sbin)).hasValue(nginx);
        assertThat(Nginx.find(empty.toString())).isEmpty();
        assertThat(Nginx.find("")).isEmpty();
    }

    @Test
    void theConfigurationListensOnLoopbackServesGzipBesideThePlainFilesAndSetsTheCacheControl(@TempDir Path folder) {
        String conf = Nginx.configuration(folder, 18080, "public, max-age=5");

        assertThat(conf).contains("listen 127.0.0.1:18080", "root " + folder.toAbsolutePath() + "/www", "gzip_static on",
                "add_header Cache-Control \"public, max-age=5\"", "daemon off", "access_log off", "application/json json");
    }

    @Test
    void thePageIsIndexHtmlAndNoPathLeavesTheWebRoot(@TempDir Path www) {
        assertThat(Nginx.fileOf(www, "/")).isEqualTo(www.resolve("index.html"));
        assertThat(Nginx.fileOf(www, "/api/v2/summary.json")).isEqualTo(www.resolve("api/v2/summary.json"));
        assertThatThrownBy(() -> Nginx.fileOf(www, "/../outside")).isInstanceOf(IllegalArgumentException.class);
    }
}
