package io.sitrep.systemtests;

import io.sitrep.testsupport.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 20: a cleanup script removed every row of the incidents table, and what was created since the last backup was
 * recovered by hand. Now, under steady writes: the rows go, health says so, incident-service restores them from its
 * event log, and every acknowledged write is back, id by id, with its version; the timeline and a webhook subscriber
 * see each version once, without a gap, and nothing already delivered is sent again.
 */
class RestoreIT extends SystemTest {

    /** The steady write rate: one write every this often. */
    private static final Duration EVERY = Duration.ofMillis(50);

    @Test
    void theIncidentsTableEmptiedUnderSteadyWritesComesBackFromTheLogAndNothingIsSentTwice() throws Exception {
        String component = aComponent("Restored ledger");
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        List<String> order = new CopyOnWriteArrayList<>();
        List<Api.Response> refused = new CopyOnWriteArrayList<>();
        List<String> broken = new CopyOnWriteArrayList<>();
        AtomicInteger written = new AtomicInteger();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            subscribe(receiver, component);
            writer.scheduleWithFixedDelay(() -> write(component, written.incrementAndGet(), acknowledged, order, refused, broken),
                    0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 20);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(lostRows().path("status").asString()).isEqualTo("UP"));

            try (Connection db = DriverManager.getConnection(stack.jdbcUrl("incident"), "postgres",
                    Files.readString(stack.settings().dataDirectory().resolve("postgres-password")).strip());
                 Statement statement = db.createStatement()) {
                statement.execute("TRUNCATE incidents CASCADE");
            }

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode health = lostRows();
                assertThat(health.path("status").asString()).isEqualTo("DOWN");
                assertThat(health.path("details").path("reason").asString()).contains("incidents");
            });
            JsonNode report = incidents.post("/api/v1/admin/restore?dryRun=false", "").expect(200).json();
            int acceptedAfterRestore = acknowledged.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= acceptedAfterRestore + 20);
            writer.shutdown();
            assertThat(writer.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            System.out.printf("Restore under writes: %d incidents acknowledged, %d writes refused, report %s%n", acknowledged.size(),
                    refused.size(), report.path("tables"));
            assertThat(report.path("applied").asBoolean()).isTrue();
            assertThat(broken).as("writes without an answer").isEmpty();
            // Between the loss and the restore an update finds no incident; during the restore a write is refused.
            assertThat(refused).allSatisfy(answer -> {
                assertThat(answer.status()).as(answer.body()).isIn(404, 503);
                if (answer.status() == 503) {
                    assertThat(answer.header("Retry-After")).isNotBlank();
                    assertThat(answer.body()).contains("restoring");
                }
            });
            for (String id : order) {
                assertThat(incidents.get("/api/v1/incidents/" + id).expect(200).json().path("version").asLong()).as(id)
                        .isEqualTo(acknowledged.get(id));
            }
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                for (String id : order) {
                    JsonNode read = timeline.as(null).get("/api/v1/incidents/" + id).expect(200).json();
                    assertThat(read.path("version").asLong()).as(id).isEqualTo(acknowledged.get(id));
                    assertThat(read.path("timeline").size()).as(id).isEqualTo(acknowledged.get(id).intValue());
                }
            });
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                Map<String, Set<Long>> versions = receivedVersions(receiver);
                for (String id : order) {
                    assertThat(versions.get(id)).as(id).containsExactlyElementsOf(
                            LongStream.rangeClosed(1, acknowledged.get(id)).boxed().toList());
                }
            });
            Map<String, List<WebhookReceiver.Received>> byMessage = receiver.received().stream()
                    .collect(Collectors.groupingBy(r -> r.json().path("data").path("incidentId").asString() + "@" + r.version()));
            byMessage.forEach((message, copies) -> assertThat(copies).extracting(WebhookReceiver.Received::webhookId)
                    .as("one message per version: " + message).containsOnly(copies.get(0).webhookId()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lostRows().path("status").asString()).isEqualTo("UP"));
        } finally {
            writer.shutdownNow();
        }
    }

    /** Every third write opens an incident; the others update the incidents opened so far, in turn. */
    private void write(String component, int n, Map<String, Long> acknowledged, List<String> order, List<Api.Response> refused,
                       List<String> broken) {
        Api.Response answer;
        try {
            if (n % 3 == 1 || order.isEmpty()) {
                answer = incidents.post("/api/v1/incidents", """
                        {"title":"Steady write %d","impact":"minor","message":"Written around a restore.","components":[{"id":"%s","status":"degraded_performance"}]}"""
                        .formatted(n, component));
            } else {
                answer = incidents.post("/api/v1/incidents/" + order.get(n % order.size()) + "/updates",
                        "{\"message\":\"Steady update " + n + "\"}");
            }
        } catch (RuntimeException e) {
            broken.add(e.toString());
            return;
        }
        if (answer.status() == 201) {
            JsonNode incident = answer.json();
            String id = incident.get("id").asString();
            if (acknowledged.put(id, incident.get("version").asLong()) == null) {
                order.add(id);
            }
        } else {
            refused.add(answer);
        }
    }

    private JsonNode lostRows() {
        return incidents.get("/actuator/health").json().path("components").path("lostRows");
    }

    /** The versions of each incident's messages the receiver got, by incident id. */
    private static Map<String, Set<Long>> receivedVersions(WebhookReceiver receiver) {
        Map<String, Set<Long>> versions = new ConcurrentHashMap<>();
        for (WebhookReceiver.Received received : receiver.received()) {
            versions.computeIfAbsent(received.json().path("data").path("incidentId").asString(), id -> new TreeSet<>())
                    .add(received.version());
        }
        return versions;
    }
}
