package io.sitrep.systemtests;

import io.sitrep.localstack.LocalStack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, cold start: services are restarted during outages, so the launcher starts each from its extracted jar with a
 * class data sharing archive of its own, made once per build, and the JVM maps that archive.
 */
class ClassDataSharingIT extends SystemTest {

    @Test
    void everyServiceRunsFromItsExtractedJarAndMapsItsArchive() throws IOException {
        LocalStack stack = Sitrep.stack();

        for (String service : LocalStack.SERVICES) {
            ProcessHandle jvm = jvmOf(stack.process(service));
            List<String> arguments = Arrays.asList(jvm.info().arguments().orElseThrow());
            Path archive = Path.of(arguments.stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=")).findFirst().orElseThrow()
                    .substring("-XX:SharedArchiveFile=".length()));
            Path jar = Path.of(arguments.get(arguments.indexOf("-jar") + 1));

            assertThat(archive).isRegularFile().isNotEmptyFile();
            assertThat(jar.getParent()).isEqualTo(archive.getParent());
            assertThat(jar.getParent().resolve("lib")).isDirectory();
            // A JVM that could not use the archive would start without it, silently: its memory map tells.
            assertThat(Files.readString(Path.of("/proc", Long.toString(jvm.pid()), "maps"))).as(service + "'s memory map")
                    .contains(archive.toString());
        }
    }

    /** The service's JVM: the process the launcher started is a small watcher that runs it. */
    private static ProcessHandle jvmOf(Process started) {
        return Stream.concat(Stream.of(started.toHandle()), started.descendants())
                .filter(handle -> handle.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow();
    }
}
