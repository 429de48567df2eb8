package io.sitrep.notification;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Security hardening: a chat webhook's URL path is its credential, and bulkheads and breakers used to be
 * named after the URL, so it was a label of public metrics. No URL, path or host with path may appear in
 * metrics, health, log lines or the delivery API's answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class TelemetrySecretsIT extends IntegrationTest {

    private static final String SECRET_PATH = "/services/T000/B000/XXXXsecret";

    @Test
    void aWebhookUrlAppearsInNoMetricHealthDetailLogLineOrDeliveryAnswer(CapturedOutput output) {
        Receiver receiver = aReceiver().answer(500);
        String url = receiver.url(SECRET_PATH);
        String component = freshComponent("secret-path");
        String subscriptionId = subscribeWebhook(url, component).get("id").asString();
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);

        publish(opened);

        List<Receiver.Request> received = receiver.awaitRequests(2, TIMEOUT);
        assertThat(received).extracting(Receiver.Request::path).containsOnly(SECRET_PATH);
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(subscriptionId, opened.eventId())));
        String hostWithPath = "127.0.0.1:" + receiver.port() + "/services";
        List<String> forbidden = List.of(url, SECRET_PATH, "XXXXsecret", "T000/B000", hostWithPath, "127.0.0.1:" + receiver.port());
        String metrics = api.as(null).get("/actuator/prometheus").expect(200).body();
        assertThat(metrics).contains("resilience4j_bulkhead_available_concurrent_calls").containsPattern("name=\"endpoint-[0-9a-f]{16}\"")
                .containsPattern("name=\"host-[0-9a-f]{16}\"");
        String health = api.as(null).get("/actuator/health").expect(200).body();
        String deliveries = api.get("/api/v1/subscriptions/" + subscriptionId + "/deliveries").expect(200).body();
        assertThat(deliveries).contains("500");
        for (String leak : forbidden) {
            assertThat(metrics).as("metrics").doesNotContain(leak);
            assertThat(health).as("health").doesNotContain(leak);
            assertThat(deliveries).as("delivery answer").doesNotContain(leak);
            assertThat(output.getAll()).as("log lines").doesNotContain(leak);
        }
    }
}
