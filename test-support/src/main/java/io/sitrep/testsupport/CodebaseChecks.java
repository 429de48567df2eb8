package io.sitrep.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks every service makes of its own codebase: package docs, and its OpenAPI description kept true. */
public final class CodebaseChecks {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CodebaseChecks() {
    }

    /** Every package under {@code sources} that holds classes has a {@code package-info.java}. */
    public static void assertEveryPackageHasPackageInfo(Path sources) {
        List<Path> packages;
        try (Stream<Path> directories = Files.walk(sources)) {
            packages = directories.filter(Files::isDirectory).filter(CodebaseChecks::holdsClasses).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        assertThat(packages).as("packages under %s", sources.toAbsolutePath()).isNotEmpty();
        assertThat(packages).allSatisfy(directory -> assertThat(directory.resolve("package-info.java"))
                .as("package-info.java of %s", sources.relativize(directory))
                .isRegularFile());
    }

    /**
     * The OpenAPI description a service serves equals the one committed in {@code docs/openapi/<service>.json}.
     * The served one is written to {@code target/openapi/} first, to review and copy when it changed on purpose.
     */
    public static void assertOpenApiMatchesTheDocs(String servedJson, String service) {
        JsonNode served = JSON.readTree(servedJson);
        Path committed = OpenApiContract.committed(service);
        Path fresh = Path.of("target", "openapi", service + ".json");
        try {
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, JSON.writeValueAsString(served) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        assertThat(committed).as("docs/openapi/%s.json; copy %s there", service, fresh.toAbsolutePath()).exists();
        JsonNode documented;
        try {
            documented = JSON.readTree(Files.readString(committed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(documented)
                .as("the served OpenAPI description differs from docs/openapi/%s.json; review %s and copy it there",
                        service, fresh.toAbsolutePath())
                .isEqualTo(served);
    }

    private static boolean holdsClasses(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
