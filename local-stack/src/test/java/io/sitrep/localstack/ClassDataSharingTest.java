package io.sitrep.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataSharingTest {

    @TempDir
    Path root;

    @Test
    void aJarThatCannotBeExtractedStartsAsItIsAndTheLauncherSaysWhy() throws IOException {
        Path jar = root.resolve("target").resolve("not-a-service-1.0.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // A jar without a main class, as a broken build would leave it.
        }
        List<String> said = new ArrayList<>();

        ClassDataSharing.Launch launch = ClassDataSharing.prepare(jar, Map.of(), List.of(), root.resolve("logs").resolve("x.log"), said::add);

        assertThat(launch.jar()).isEqualTo(jar);
        assertThat(launch.jvmOptions()).isEmpty();
        assertThat(said).singleElement().asString().contains("could not extract").contains("starting it from the jar");
        assertThat(jar.resolveSibling("cds").resolve("not-a-service-1.0").resolve("application.jsa")).doesNotExist();
    }
}
