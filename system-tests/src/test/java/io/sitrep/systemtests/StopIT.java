package io.sitrep.systemtests;

import io.sitrep.localstack.LocalStack;
import io.sitrep.testsupport.Api;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security hardening, operations: the embedded database's own shutdown hook stopped PostgreSQL while the services
 * were still stopping, so every stop ended with "Outbox relay could not drain before stopping" and "terminating
 * connection due to administrator command". A stack of its own, since stopping is what it tests.
 */
class StopIT {

    @Test
    void stopsTheServicesBeforeTheBrokerAndTheDatabaseSoTheirOutboxesDrain() throws IOException {
        Path data = Path.of("target", "stop-data").toAbsolutePath();
        deleteRecursively(data);
        List<String> said = new CopyOnWriteArrayList<>();
        LocalStack stack = LocalStack.start(LocalStack.Settings.defaults(Path.of("..").toAbsolutePath().normalize())
                .withDataDirectory(data).withApiKey("stop-test-key").onFreePorts(), line -> {
                    said.add(line);
                    System.out.println("[local-stack] " + line);
                });
        try {
            stack.awaitReady(Duration.ofMinutes(3));
            String url = stack.url("incident");
            Api incidents = new Api(Integer.parseInt(url.substring(url.lastIndexOf(':') + 1)), stack.apiKey());
            for (int i = 0; i < 20; i++) {
                incidents.post("/api/v1/incidents", """
                        {"title":"Stopping %d","impact":"minor","message":"Investigating."}""".formatted(i)).expect(201);
            }
        } finally {
            stack.close();
        }

        int brokerStops = said.indexOf("Stopping the broker …");
        int databaseStops = said.indexOf("Stopping PostgreSQL …");
        assertThat(brokerStops).isPositive();
        assertThat(databaseStops).isGreaterThan(brokerStops);
        for (String service : List.of("incident-service", "notification-service", "timeline-service")) {
            int stopped = indexOfFirstStartingWith(said, service + " stopped in ");
            assertThat(said.indexOf("Stopping " + service + " …")).as(service + " asked to stop").isBetween(0, stopped);
            assertThat(stopped).as(service + " stopped before the broker").isBetween(0, brokerStops);
            String log = Files.readString(data.resolve("logs").resolve(service + ".log"));
            assertThat(log).doesNotContain("could not drain").doesNotContain("terminating connection due to administrator command");
        }
        assertThat(indexOfFirstStartingWith(said, "PostgreSQL stopped in ")).isGreaterThan(databaseStops);
    }

    private static int indexOfFirstStartingWith(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
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
