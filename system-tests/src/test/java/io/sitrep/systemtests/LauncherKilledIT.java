package io.sitrep.systemtests;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 21: killing the launcher left the three services running with parent PID 1 (one kept accepting writes with
 * no broker), and PostgreSQL too, since pg_ctl starts it in a session of its own. The launcher runs here as the
 * quick start runs it, a JVM of its own from local-stack.jar, with a data folder and ports of its own.
 */
class LauncherKilledIT {

    /** How long the watchers may take: SIGTERM, then SIGKILL after the tether's 10 s grace, plus slack. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void noProcessOfTheStackOutlivesTheLauncherKilledWithMinus9() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path data = Path.of("target", "launcher-killed-data").toAbsolutePath();
        deleteRecursively(data);
        List<String> said = new CopyOnWriteArrayList<>();
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", root.resolve("local-stack").resolve("target").resolve("local-stack.jar").toString(),
                "--data-dir=" + data, "--free-ports")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            echo(launcher, said);
            await().atMost(Duration.ofMinutes(3)).until(() -> said.stream().anyMatch(line -> line.startsWith("Sitrep is up"))
                    || !launcher.isAlive());
            assertThat(launcher.isAlive()).as("launcher is up").isTrue();
            List<ProcessHandle> children = launcher.descendants().toList();
            List<String> postmasterPid = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
            ProcessHandle postgres = ProcessHandle.of(Long.parseLong(postmasterPid.get(0).strip())).orElseThrow();
            int postgresPort = Integer.parseInt(postmasterPid.get(3).strip());
            assertThat(children.stream().filter(child -> child.info().commandLine().orElse("").contains("-service")).count())
                    .as("service processes").isGreaterThanOrEqualTo(3);
            assertThat(postgres.isAlive()).isTrue();

            long killed = System.nanoTime();
            launcher.destroyForcibly().waitFor();

            await().atMost(BOUND).untilAsserted(() -> {
                assertThat(children).filteredOn(ProcessHandle::isAlive).isEmpty();
                assertThat(postgres.isAlive()).as("PostgreSQL").isFalse();
                assertThat(listens(postgresPort)).as("PostgreSQL's port").isFalse();
            });
            System.out.printf("every process of the stack gone %.1f s after the launcher was killed%n",
                    (System.nanoTime() - killed) / 1e9);
        } finally {
            launcher.destroyForcibly();
        }
    }

    private static void echo(Process launcher, List<String> said) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    said.add(line);
                    System.out.println("[launcher] " + line);
                }
            } catch (IOException e) {
                // The launcher is gone.
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
