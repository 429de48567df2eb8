package io.sitrep.systemtests;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A service killed with -9 at the worst moment loses nothing that was accepted. */
class ProcessCrashIT extends SystemTest {

    @Test
    void notificationServiceKilledMidFanOutStillDeliversEveryEventToEverySubscriber() throws Exception {
        String component = aComponent("Payments");
        try (WebhookReceiver first = new WebhookReceiver(); WebhookReceiver second = new WebhookReceiver()) {
            subscribe(first, component);
            subscribe(second, component);
            String incident = open("Payments degraded", component);
            int restartsBefore = stack.restarts("notification");

            for (int i = 1; i < 200; i++) {
                update(incident, "Update " + i);
                if (i == 60) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> first.received().size() + second.received().size() >= 20);
                    stack.process("notification").destroyForcibly();
                }
            }

            for (WebhookReceiver receiver : List.of(first, second)) {
                await().atMost(Duration.ofSeconds(120)).until(() -> versions(receiver).size() == 200);
                Map<String, List<WebhookReceiver.Received>> byEvent = receiver.received().stream()
                        .collect(Collectors.groupingBy(WebhookReceiver.Received::eventId));
                assertThat(byEvent).hasSize(200);
                byEvent.values().forEach(copies ->
                        assertThat(copies).extracting(WebhookReceiver.Received::webhookId).containsOnly(copies.get(0).webhookId()));
            }
            assertThat(stack.restarts("notification")).isGreaterThan(restartsBefore);
        }
    }

    @Test
    void incidentServiceKilledRightAfterABurstOfWritesHasEveryAcceptedWriteInTheTimeline() {
        String component = aComponent("Search");
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            accepted.add(open("Burst " + i, component));
        }
        stack.process("incident").destroyForcibly();

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (String id : accepted) {
                timeline.as(null).get("/api/v1/incidents/" + id).expect(200);
            }
        });
    }

    private static java.util.Set<Long> versions(WebhookReceiver receiver) {
        return receiver.received().stream().map(WebhookReceiver.Received::version).collect(Collectors.toSet());
    }
}
