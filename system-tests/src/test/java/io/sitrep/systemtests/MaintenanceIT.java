package io.sitrep.systemtests;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A maintenance window scheduled a few seconds ahead runs by itself across the system (issue 14):
 * reminded, started and completed once each, its component under maintenance and back, told to a
 * webhook subscriber, and shown by the Statuspage-compatible endpoints.
 */
class MaintenanceIT extends SystemTest {

    @Test
    void aWindowRemindsStartsAndCompletesByItselfAndEveryoneHearsOfItOnce() throws Exception {
        String component = aComponent("Maintained database");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String secret = subscribe(receiver, component).get("secret").asString();
            Instant start = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);

            String id = incidents.post("/api/v1/maintenances", """
                    {"title":"Database upgrade","message":"Writes may fail for a few seconds.","components":["%s"],
                     "scheduledFor":"%s","scheduledUntil":"%s","remindBefore":"PT2S"}"""
                    .formatted(component, start, start.plusSeconds(4))).expect(201).json().get("id").asString();

            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() >= 4);
            List<WebhookReceiver.Received> webhooks = receiver.received().stream()
                    .sorted(Comparator.comparingLong(WebhookReceiver.Received::version)).toList();
            assertThat(webhooks).extracting(r -> r.json().path("type").asString())
                    .containsExactly("maintenance.scheduled", "maintenance.reminder", "maintenance.started", "maintenance.completed");
            assertThat(webhooks).extracting(WebhookReceiver.Received::version).containsExactly(1L, 2L, 3L, 4L);
            for (WebhookReceiver.Received webhook : webhooks) {
                new Webhook(secret).verify(webhook.body(), webhook.headers());
            }
            JsonNode started = webhooks.get(2).json().path("data");
            assertThat(started.path("automatic").asBoolean()).isTrue();
            assertThat(Instant.parse(started.path("maintenance").path("startedAt").asString())).isAfterOrEqualTo(start);

            assertThat(incidents.get("/api/v1/maintenances/" + id).expect(200).json().path("status").asString()).isEqualTo("completed");
            assertThat(incidents.get("/api/v1/components/" + component).expect(200).json().path("status").asString()).isEqualTo("operational");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode all = timeline.as(null).get("/api/v2/scheduled-maintenances.json").expect(200).json();
                assertThat(all.path("scheduled_maintenances").valueStream()
                        .filter(m -> m.path("id").asString().equals(id)))
                        .singleElement().satisfies(m -> assertThat(m.path("status").asString()).isEqualTo("completed"));
            });
            assertThat(receiver.received()).hasSize(4);
        }
    }
}
