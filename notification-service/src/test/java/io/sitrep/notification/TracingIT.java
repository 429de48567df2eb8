package io.sitrep.notification;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.wire.CloudEventHeaders;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.testsupport.TopicReader;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace per incident change: the trace of an incident event's record continues through its
 * delivery, however much later it is sent, to the webhook, the email and the delivery events (ADR 0007).
 */
class TracingIT extends IntegrationTest {

    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]";

    @Test
    void aWebhookCarriesTheTraceOfTheIncidentEventThatCausedIt() {
        Receiver receiver = aReceiver();
        String component = freshComponent("traced");
        subscribeWebhook(receiver.url(), component);
        String traceId = randomHex(16);
        String producerSpanId = randomHex(8);

        publishTraced(Incidents.opened(component, Impact.MAJOR), "00-" + traceId + "-" + producerSpanId + "-01");

        String traceparent = receiver.awaitRequests(1, TIMEOUT).get(0).header("traceparent");
        assertThat(traceparent).matches(TRACEPARENT);
        assertThat(traceparent.split("-")[1]).as("trace id").isEqualTo(traceId);
        // The parent is the attempt's own span (under the consumer's), not the producer's.
        assertThat(traceparent.split("-")[2]).as("parent span id").isNotEqualTo(producerSpanId);
        assertThat(traceparent).endsWith("-01");
    }

    @Test
    void everyRetryOfAWebhookStaysInTheTraceOfItsIncidentEventWithASpanOfItsOwn() {
        Receiver receiver = aReceiver().answer(500);
        String component = freshComponent("retried");
        subscribeWebhook(receiver.url(), component);
        String traceId = randomHex(16);

        publishTraced(Incidents.opened(component, Impact.MAJOR), "00-" + traceId + "-" + randomHex(8) + "-01");

        List<Receiver.Request> requests = receiver.awaitRequests(2, TIMEOUT);
        assertThat(requests).extracting(r -> r.header("traceparent").split("-")[1]).containsOnly(traceId);
        assertThat(requests.get(0).header("traceparent")).isNotEqualTo(requests.get(1).header("traceparent"));
    }

    @Test
    void aDeliveryEventWrittenByAnAttemptCarriesTheTraceOfTheIncidentEvent() {
        Receiver receiver = aReceiver().answerAlways(410);
        String component = freshComponent("gone");
        String subscriptionId = subscribeWebhook(receiver.url(), component).get("id").asString();
        String traceId = randomHex(16);

        try (TopicReader deliveryEvents = TopicReader.of(DELIVERY_EVENTS)) {
            publishTraced(Incidents.opened(component, Impact.MAJOR), "00-" + traceId + "-" + randomHex(8) + "-01");

            ConsumerRecord<String, byte[]> disabled = deliveryEvents.awaitRecords(TopicReader.keyed(subscriptionId), 1, TIMEOUT).get(0);
            Map<String, String> headers = TopicReader.headers(disabled);
            assertThat(headers).containsEntry("ce_type", "subscription.disabled");
            assertThat(headers.get("traceparent")).matches(TRACEPARENT);
            assertThat(headers.get("traceparent").split("-")[1]).as("trace id").isEqualTo(traceId);
        }
    }

    @Test
    void aConfirmationEmailNamesTheTraceOfTheRequestThatAskedForIt() throws Exception {
        String address = "traced-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String traceId = randomHex(16);

        String id = api.send("POST", "/api/v1/subscriptions", "{\"channel\":\"email\",\"email\":\"" + address + "\"}",
                Map.of("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")).expect(201).json().get("id").asString();
        try {
            await().atMost(TIMEOUT).until(() -> mailTo(address) != null);
            assertThat(mailTo(address).getHeader("X-Sitrep-Trace-Id")).containsExactly(traceId);
        } finally {
            api.send("DELETE", "/api/v1/subscriptions/" + id, null, Map.of());
        }
    }

    /** Publishes the event as incident-service's relay does, with the trace context of the request that caused it. */
    private void publishTraced(IncidentOpened event, String traceparent) {
        Map<String, String> headers = new LinkedHashMap<>(CloudEventHeaders.of(event, "/sitrep/incident-service"));
        headers.put("traceparent", traceparent);
        events.send(event.aggregateId(), headers, new EventCodec().encode(event));
    }

    private static MimeMessage mailTo(String address) throws Exception {
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
                return message;
            }
        }
        return null;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
