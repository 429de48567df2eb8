package io.sitrep.systemtests;

import io.sitrep.testsupport.Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 21: with PostgreSQL killed, every write waited 5 s and got 500; the launcher did not notice and the database
 * stayed down for good. Now, under steady writes, id by id: while it is down writes answer 503 with Retry-After,
 * local-stack starts it again, and every write answered 2xx reaches the timeline and its subscriber, once.
 */
class DatabaseKilledIT extends SystemTest {

    /** The steady write rate of the probe: one write every this often. */
    private static final Duration EVERY = Duration.ofMillis(50);

    @Test
    void postgresKilledUnderSteadyWritesAnswers503ComesBackAndEveryAcceptedWriteIsDeliveredOnce() throws Exception {
        String component = aComponent("Ledger");
        int restartsBefore = stack.postgresRestarts();
        List<String> accepted = new CopyOnWriteArrayList<>();
        List<Api.Response> refused = new CopyOnWriteArrayList<>();
        List<String> broken = new CopyOnWriteArrayList<>();
        AtomicInteger written = new AtomicInteger();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            subscribe(receiver, component);
            writer.scheduleWithFixedDelay(() -> {
                Api.Response answer;
                try {
                    answer = incidents.post("/api/v1/incidents", """
                        {"title":"Steady write %d","impact":"minor","message":"Written under a database outage.","components":[{"id":"%s","status":"degraded_performance"}]}"""
                        .formatted(written.incrementAndGet(), component));
                } catch (RuntimeException e) {
                    broken.add(e.toString());
                    return;
                }
                if (answer.status() == 201) {
                    accepted.add(answer.json().get("id").asString());
                } else {
                    refused.add(answer);
                }
            }, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() >= 40);

            long killed = stack.postgresServer().pid();
            stack.postgresServer().destroyForcibly();

            await().atMost(Duration.ofSeconds(60)).until(() -> !refused.isEmpty());
            await().atMost(Duration.ofSeconds(90)).until(() -> stack.postgresRestarts() > restartsBefore);
            int acceptedWhenBack = accepted.size();
            await().atMost(Duration.ofSeconds(90)).until(() -> accepted.size() >= acceptedWhenBack + 40);
            writer.shutdown();
            assertThat(writer.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            System.out.printf("Database killed: %d writes accepted, %d answered 503, %d without an answer%n", accepted.size(),
                    refused.size(), broken.size());
            assertThat(stack.postgresServer().pid()).isNotEqualTo(killed);
            assertThat(broken).as("writes without an answer").isEmpty();
            assertThat(refused).allSatisfy(answer -> {
                assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                assertThat(answer.header("Retry-After")).as("Retry-After").isNotBlank();
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                assertThat(answer.body()).contains("temporarily-unavailable");
            });
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                for (String id : accepted) {
                    timeline.as(null).get("/api/v1/incidents/" + id).expect(200);
                }
            });
            await().atMost(Duration.ofSeconds(120)).until(() -> opened(receiver).keySet().containsAll(accepted));
            Map<String, List<WebhookReceiver.Received>> byIncident = opened(receiver);
            for (String id : accepted) {
                List<WebhookReceiver.Received> copies = byIncident.get(id);
                assertThat(copies).extracting(WebhookReceiver.Received::webhookId).as("one message per accepted write: " + id)
                        .containsOnly(copies.get(0).webhookId());
            }
        } finally {
            writer.shutdownNow();
        }
    }

    /** The incident.opened messages received, by incident id. */
    private static Map<String, List<WebhookReceiver.Received>> opened(WebhookReceiver receiver) {
        return receiver.received().stream()
                .filter(received -> received.json().path("type").asString().equals("incident.opened"))
                .collect(Collectors.groupingBy(received -> received.json().path("data").path("incidentId").asString()));
    }
}
