package io.sitrep.notification.delivery;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.SubscriptionDisabled;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.UndecodableEvent;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Receiver;
import io.sitrep.notification.TestNames;
import io.sitrep.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One receiver's trouble stays its own: a hanging or gone receiver, Retry-After, targets checked again at send time. */
class IsolationIT extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private io.micrometer.core.instrument.MeterRegistry registry;

    @org.springframework.beans.factory.annotation.Autowired
    private TestNames names;

    @Test
    void aHangingReceiverDoesNotDelayAnotherReceiversDeliveries() {
        String component = freshComponent("shared");
        Receiver hanging = aReceiver().hang();
        Receiver healthy = aReceiver();
        subscribeWebhook(hanging.url(), component);
        subscribeWebhook(healthy.url(), component);
        List<IncidentOpened> incidents = List.of(Incidents.opened(component, Impact.MAJOR), Incidents.opened(component, Impact.MAJOR),
                Incidents.opened(component, Impact.MAJOR), Incidents.opened(component, Impact.MAJOR),
                Incidents.opened(component, Impact.MAJOR), Incidents.opened(component, Impact.MAJOR),
                Incidents.opened(component, Impact.MAJOR), Incidents.opened(component, Impact.MAJOR));
        Instant published = Instant.now();

        publish(incidents.toArray(SitrepEvent[]::new));

        List<Receiver.Request> received = healthy.awaitRequests(incidents.size(), TIMEOUT);
        Duration slowest = Duration.between(published, received.get(received.size() - 1).at());
        assertThat(slowest).as("time until the healthy receiver had every delivery").isLessThan(Duration.ofSeconds(5));
        assertThat(hanging.requests()).as("the hanging receiver is tried, at most its bulkhead's worth at once").isNotEmpty()
                .hasSizeLessThanOrEqualTo(4 + incidents.size());
    }

    @Test
    void deliveriesToABusyEndpointAreNotClaimedOnlyToBeGivenBack() {
        String component = freshComponent("busy");
        Receiver hanging = aReceiver().hang();
        String id = subscribeWebhook(hanging.url(), component).get("id").asString();
        double before = deferred();

        publish(java.util.stream.Stream.generate(() -> Incidents.opened(component, Impact.MAJOR)).limit(40).toArray(SitrepEvent[]::new));

        await().atMost(TIMEOUT).until(() -> count("deliveries WHERE subscription_id = '" + id + "'") == 40);
        hanging.awaitRequests(4, TIMEOUT);
        // A claim takes no more of an endpoint's deliveries than it has slots free (4 at most), so the other 36
        // stay due rather than being claimed, refused by the bulkhead and written back 500 ms later, over and over.
        // (Attempts time out after 1 s here, so new ones start as old ones fail: claims follow the free slots.)
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> deferred() - before <= 3);
    }

    private double deferred() {
        return registry.find("sitrep.deliveries.deferred").tag("reason", "endpoint_busy").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    @Test
    void aReceiverAnswering410IsUnsubscribedWithAnEventAndGetsNothingMore() throws UndecodableEvent {
        Receiver receiver = aReceiver().answer(410);
        String component = freshComponent("gone");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened first = Incidents.opened(component, Impact.MAJOR);
        IncidentOpened second = Incidents.opened(component, Impact.MAJOR);

        publish(first);

        receiver.awaitRequests(1, TIMEOUT);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode subscription = api.get("/api/v1/subscriptions/" + id).expect(200).json();
            assertThat(subscription.get("status").asString()).isEqualTo("disabled");
            assertThat(subscription.get("disabledReason").asString()).isEqualTo("receiver_gone");
        });
        assertThat(deliveryStatus(id, first.eventId())).isEqualTo("cancelled");
        try (TopicReader topic = TopicReader.of(DELIVERY_EVENTS)) {
            var record = topic.awaitRecords(TopicReader.keyed(id), 1, TIMEOUT).get(0);
            SitrepEvent event = new EventCodec().decode(TopicReader.headers(record), record.value());
            assertThat(event).isInstanceOfSatisfying(SubscriptionDisabled.class, disabled -> {
                assertThat(disabled.reason()).isEqualTo("receiver_gone");
                assertThat(disabled.subscription().status()).isEqualTo("disabled");
            });
        }
        publish(second);
        await().atMost(TIMEOUT).until(() -> count("seen_events WHERE event_id = '" + second.eventId() + "'") == 1);
        assertThat(deliveryStatus(id, second.eventId())).isNull();
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void aRetryAfterLongerThanTheScheduleIsHonoured() {
        Receiver receiver = aReceiver().answer(new Receiver.Answer(429, Map.of("Retry-After", "2")));
        String component = freshComponent("throttled");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);

        publish(opened);

        List<Receiver.Request> requests = receiver.awaitRequests(2, TIMEOUT);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, opened.eventId())));
    }

    @Test
    void aTargetThatBecameForbiddenIsRefusedAtSendTimeWithoutAConnection() {
        Receiver receiver = aReceiver();
        String component = freshComponent("rebound");
        String host = component + ".receivers.test";
        names.point(host, "127.0.0.1");
        String id = subscribeWebhook("http://" + host + ":" + receiver.port() + "/hooks/sitrep", component).get("id").asString();
        // The name now resolves to the metadata service: the URL was checked when created, and is checked again.
        names.point(host, "169.254.169.254");
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);

        publish(opened);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode delivery = api.get("/api/v1/subscriptions/" + id + "/deliveries").expect(200).json().get("items").get(0);
            assertThat(delivery.get("attempts").get(0).get("error").asString()).startsWith("target refused: ")
                    .contains("resolves to 169.254.169.254").contains("metadata");
            assertThat(delivery.get("attempts").get(0).has("statusCode")).isFalse();
        });
        assertThat(receiver.requests()).isEmpty();
    }
}
