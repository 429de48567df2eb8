package io.sitrep.systemtests;

import io.sitrep.testsupport.Api;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void noProcessOfTheStackOutlivesTheLauncherKilledWithMinus9AndARestartPublishesEveryAcceptedWrite() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path data = Path.of("target", "launcher-killed-data").toAbsolutePath();
        deleteRecursively(data);
        List<String> said = new CopyOnWriteArrayList<>();
        Process launcher = launch(root, data, said);
        List<String> accepted = new CopyOnWriteArrayList<>();
        try {
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
            Api incidents = new Api(port(said, "incident-service"), Files.readString(data.resolve("api-key")).strip());
            Thread writer = new Thread(() -> writeUntilRefused(incidents, accepted), "steady-writer");
            writer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() >= 20);

            long killed = System.nanoTime();
            launcher.destroyForcibly().waitFor();

            await().atMost(BOUND).untilAsserted(() -> {
                assertThat(children).filteredOn(ProcessHandle::isAlive).isEmpty();
                assertThat(postgres.isAlive()).as("PostgreSQL").isFalse();
                assertThat(listens(postgresPort)).as("PostgreSQL's port").isFalse();
            });
            System.out.printf("every process of the stack gone %.1f s after the launcher was killed%n",
                    (System.nanoTime() - killed) / 1e9);
            writer.join(Duration.ofSeconds(60).toMillis());
            assertThat(writer.isAlive()).as("the writer saw the stack go").isFalse();
        } finally {
            launcher.destroyForcibly();
        }

        List<String> saidAgain = new CopyOnWriteArrayList<>();
        Process restarted = launch(root, data, saidAgain);
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> saidAgain.stream().anyMatch(line -> line.startsWith("Sitrep is up"))
                    || !restarted.isAlive());
            assertThat(restarted.isAlive()).as("a restart on the same data is healthy").isTrue();
            Api timeline = new Api(port(saidAgain, "timeline-service"), null);

            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                for (String id : accepted) {
                    timeline.get("/api/v1/incidents/" + id).expect(200);
                }
            });
            System.out.printf("%d writes accepted before the launcher was killed, every one published after the restart%n",
                    accepted.size());
        } finally {
            restarted.destroy();
            if (!restarted.waitFor(60, TimeUnit.SECONDS)) {
                restarted.destroyForcibly();
            }
        }
    }

    /** The launcher as the quick start runs it, a JVM of its own from local-stack.jar, on free ports. */
    private static Process launch(Path root, Path data, List<String> said) throws IOException {
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", root.resolve("local-stack").resolve("target").resolve("local-stack.jar").toString(),
                "--data-dir=" + data, "--free-ports")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        echo(launcher, said);
        return launcher;
    }

    /** Opens incidents one after another until the stack stops answering; the ids answered 201 are accepted. */
    private static void writeUntilRefused(Api incidents, List<String> accepted) {
        for (int i = 0; ; i++) {
            try {
                Api.Response answer = incidents.post("/api/v1/incidents",
                        "{\"title\":\"Written as the launcher dies " + i + "\",\"impact\":\"minor\",\"message\":\"Accepted means kept.\"}");
                if (answer.status() == 201) {
                    accepted.add(answer.json().get("id").asString());
                }
            } catch (RuntimeException e) {
                return;
            }
        }
    }

    /** The port of a service, from the launcher's welcome text. */
    private static int port(List<String> said, String service) {
        Pattern url = Pattern.compile("^\\s*" + Pattern.quote(service) + "\\s+http://localhost:(\\d+)/api/v1");
        return said.stream().map(url::matcher).filter(Matcher::find).findFirst()
                .map(match -> Integer.parseInt(match.group(1)))
                .orElseThrow(() -> new IllegalStateException("the launcher did not say where " + service + " runs"));
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
