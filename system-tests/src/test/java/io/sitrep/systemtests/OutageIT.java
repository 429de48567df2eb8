package io.sitrep.systemtests;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Outages of the broker and of a receiver: writes keep being accepted, and everything flows once they return. */
class OutageIT extends SystemTest {

    @Test
    void withTheBrokerDownWritesAreStillAcceptedAndFlowThroughOnceItReturns() throws Exception {
        String component = aComponent("Messaging");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            subscribe(receiver, component);
            List<String> accepted = new ArrayList<>();

            stack.stopKafka();
            try {
                for (int i = 0; i < 20; i++) {
                    accepted.add(open("Written while the broker is down " + i, component));
                }
                JsonNode outbox = incidents.get("/actuator/health").json().path("components").path("outbox");
                assertThat(outbox.path("details").path("pending").asLong()).isGreaterThanOrEqualTo(20);
            } finally {
                stack.startKafka();
            }

            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                for (String id : accepted) {
                    timeline.as(null).get("/api/v1/incidents/" + id).expect(200);
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().stream()
                    .map(r -> r.json().path("data").path("incidentId").asString()).collect(Collectors.toSet()).containsAll(accepted));
        }
    }

    @Test
    void aReceiverDownLongerThanTheRetryScheduleIsReDrivenWhenItReturnsWhileAHealthyOneStaysFast() throws Exception {
        String component = aComponent("Dashboards");
        try (WebhookReceiver down = new WebhookReceiver(); WebhookReceiver healthy = new WebhookReceiver()) {
            String downId = subscribe(down, component).get("id").asString();
            subscribe(healthy, component);
            down.answer(503);

            String incident = open("Dashboards slow", component);
            for (int i = 1; i <= 4; i++) {
                update(incident, "Update " + i);
                long sent = System.nanoTime();
                int expected = i + 1;
                await().atMost(Duration.ofSeconds(5)).until(() -> healthy.received().size() >= expected);
                assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(3));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> notifications
                    .get("/api/v1/subscriptions/" + downId + "/deliveries?status=dead").expect(200).json().path("items").size() == 5);

            down.answer(200);
            update(incident, "Recovered.");

            await().atMost(Duration.ofSeconds(60)).until(() -> down.received().stream()
                    .map(WebhookReceiver.Received::version).collect(Collectors.toSet()).size() == 6);
            assertThat(healthy.received()).hasSize(6);
        }
    }
}
