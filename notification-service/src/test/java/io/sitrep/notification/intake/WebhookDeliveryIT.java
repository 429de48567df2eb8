package io.sitrep.notification.intake;

import com.standardwebhooks.Webhook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.events.EventType;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.CloudEventHeaders;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.GoldenSamples;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Receiver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** From an event on sitrep.incident-events to a signed webhook, retried until it gets through. */
class WebhookDeliveryIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MeterRegistry registry;

    @Test
    void anIncidentEventReachesAMatchingWebhookSignedSoThatTheReferenceLibraryVerifiesIt() throws Exception {
        Receiver receiver = aReceiver();
        String component = freshComponent("api");
        JsonNode subscription = subscribeWebhook(receiver.url(), component);
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);

        publish(opened);

        Receiver.Request request = receiver.awaitRequests(1, TIMEOUT).get(0);
        new Webhook(subscription.get("secret").asString()).verify(request.body(), request.httpHeaders());
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("type").asString()).isEqualTo("incident.opened");
        assertThat(body.get("timestamp").asString()).isEqualTo(opened.publishedAt().toString());
        assertThat(body.get("data").get("eventId").asString()).isEqualTo(opened.eventId().toString());
        assertThat(body.get("data").get("incident").get("id").asString()).isEqualTo(opened.incidentId().toString());
        assertThat(body.get("data").get("update").get("message").asString()).isEqualTo(opened.update().message());
        assertThat(request.header("content-type")).isEqualTo("application/json");
        String subscriptionId = subscription.get("id").asString();
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(subscriptionId, opened.eventId())));
        String deliveryId = jdbc.sql("SELECT id::text FROM deliveries WHERE event_id = ?").param(opened.eventId()).query(String.class).single();
        assertThat(request.header("webhook-id")).isEqualTo(deliveryId);
    }

    @Test
    void filtersByComponentTypeAndImpactExcludeWhatTheyShould() {
        String component = freshComponent("filtered");
        Receiver everything = aReceiver();
        Receiver updatesOnly = aReceiver();
        Receiver criticalOnly = aReceiver();
        Receiver otherComponent = aReceiver();
        subscribeWebhook(everything.url(), component);
        String updatesId = subscribe("{\"channel\":\"webhook\",\"url\":\"" + updatesOnly.url() + "\",\"components\":[\"" + component
                + "\"],\"eventTypes\":[\"incident.updated\"]}").get("id").asString();
        String criticalId = subscribe("{\"channel\":\"webhook\",\"url\":\"" + criticalOnly.url() + "\",\"components\":[\"" + component
                + "\"],\"minImpact\":\"critical\"}").get("id").asString();
        String otherId = subscribeWebhook(otherComponent.url(), freshComponent("elsewhere")).get("id").asString();
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);
        IncidentUpdated identified = Incidents.identified(opened);

        publish(opened, identified);

        List<Receiver.Request> all = everything.awaitRequests(2, TIMEOUT);
        updatesOnly.awaitRequests(1, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> count("seen_events WHERE event_id = '" + identified.eventId() + "'") == 1);
        assertThat(all).extracting(r -> JSON.readTree(r.body()).get("type").asString())
                .containsExactlyInAnyOrder("incident.opened", "incident.updated");
        assertThat(JSON.readTree(updatesOnly.requests().get(0).body()).get("type").asString()).isEqualTo("incident.updated");
        for (String excluded : List.of(criticalId, otherId)) {
            assertThat(count("deliveries WHERE subscription_id = '" + excluded + "'")).isZero();
        }
        assertThat(count("deliveries WHERE subscription_id = '" + updatesId + "'")).isEqualTo(1);
        assertThat(criticalOnly.requests()).isEmpty();
        assertThat(otherComponent.requests()).isEmpty();
    }

    @Test
    void aReceiverAnswering500ThreeTimesGetsTheDeliveryWithTheSameWebhookIdAndEveryAttemptIsStored() throws Exception {
        Receiver receiver = aReceiver().answer(500, 500, 500);
        String component = freshComponent("flaky");
        JsonNode subscription = subscribeWebhook(receiver.url(), component);
        IncidentOpened opened = Incidents.opened(component, Impact.MINOR);

        publish(opened);

        List<Receiver.Request> requests = receiver.awaitRequests(4, TIMEOUT);
        Webhook verifier = new Webhook(subscription.get("secret").asString());
        for (Receiver.Request request : requests) {
            verifier.verify(request.body(), request.httpHeaders());
        }
        assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly(requests.get(0).header("webhook-id"));
        assertThat(requests).extracting(Receiver.Request::body).containsOnly(requests.get(0).body());
        String id = subscription.get("id").asString();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode delivery = api.get("/api/v1/subscriptions/" + id + "/deliveries").expect(200).json().get("items").get(0);
            assertThat(delivery.get("status").asString()).isEqualTo("delivered");
            assertThat(delivery.get("id").asString()).isEqualTo(requests.get(0).header("webhook-id"));
            assertThat(delivery.get("attemptCount").asInt()).isEqualTo(4);
            assertThat(delivery.get("attempts").valueStream().map(a -> a.get("statusCode").asInt()).toList())
                    .containsExactly(500, 500, 500, 200);
            assertThat(delivery.get("attempts").get(0).get("error").asString()).isEqualTo("HTTP 500");
            assertThat(delivery.get("attempts").get(0).has("durationMs")).isTrue();
        });
        assertThat(receiver.requests()).hasSize(4);
    }

    @Test
    void aDuplicateOrReplayedEventCreatesNothingNew() {
        Receiver receiver = aReceiver();
        String component = freshComponent("dup");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);
        IncidentUpdated next = Incidents.identified(opened);

        publish(opened, opened, opened);
        publish(next);

        receiver.awaitRequests(2, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, next.eventId())));
        assertThat(count("deliveries WHERE subscription_id = '" + id + "'")).isEqualTo(2);
        assertThat(receiver.requests()).extracting(r -> JSON.readTree(r.body()).get("type").asString())
                // Deliveries go out concurrently and receivers order them by data.version (see the README): only the count matters here.
                .containsExactlyInAnyOrder("incident.opened", "incident.updated");
    }

    @Test
    void anUnreadableRecordIsParkedWithItsReasonAndTheNextOneIsStillDelivered() {
        Receiver receiver = aReceiver();
        String component = freshComponent("poison");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);
        Map<String, String> unknown = new LinkedHashMap<>(CloudEventHeaders.of(opened, "/sitrep/test"));
        unknown.put(CloudEventHeaders.TYPE, "incident.exploded");
        Map<String, String> malformed = new LinkedHashMap<>(CloudEventHeaders.of(opened, "/sitrep/test"));

        events.send(opened.aggregateId(), unknown, "{}".getBytes(StandardCharsets.UTF_8));
        events.send(opened.aggregateId(), malformed, "not json".getBytes(StandardCharsets.UTF_8));
        publish(opened);

        receiver.awaitRequests(1, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, opened.eventId())));
        List<String> reasons = jdbc.sql("SELECT reason FROM dead_lettered_events WHERE record_key = ? ORDER BY kafka_offset")
                .param(opened.aggregateId()).query(String.class).list();
        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(0)).startsWith("unknown_type: ").contains("incident.exploded");
        assertThat(reasons.get(1)).startsWith("malformed: ");
    }

    @Test
    void aRecordThatCannotBeReadBetweenTwoEventsIsParkedAndTheEventsAroundItAreFannedOutExactlyOnce() {
        // issue 17: the error handler is told the record at fault; the one before it stays committed, the one after it is polled again.
        Receiver receiver = aReceiver();
        String component = freshComponent("between");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);
        IncidentUpdated identified = Incidents.identified(opened);
        double duplicatesBefore = eventsReceived("duplicate");

        publish(opened);
        events.send(opened.aggregateId(), CloudEventHeaders.of(identified, "/sitrep/test"), "not json".getBytes(StandardCharsets.UTF_8));
        publish(identified);

        receiver.awaitRequests(2, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, identified.eventId())));
        assertThat(receiver.requests()).extracting(r -> JSON.readTree(r.body()).get("type").asString())
                .containsExactly("incident.opened", "incident.updated");
        assertThat(count("deliveries WHERE subscription_id = '" + id + "'")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT reason FROM dead_lettered_events WHERE record_key = ?").param(opened.aggregateId())
                .query(String.class).list()).singleElement().asString().startsWith("malformed: ");
        // Fanning an event out again would count it as a duplicate.
        assertThat(eventsReceived("duplicate") - duplicatesBefore).isZero();
    }

    @Test
    void anEventIsRedeliveredUntilTheDatabaseTakesItThenDeliveredOnce() {
        // issue 17: the backoff after a database failure pauses the container (no consumer thread sleeps) and skips nothing.
        Receiver receiver = aReceiver();
        String component = freshComponent("outage");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);
        jdbc.sql("ALTER TABLE seen_events RENAME TO seen_events_away").update();
        try {
            publish(opened);

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.requests().isEmpty());
        } finally {
            jdbc.sql("ALTER TABLE seen_events_away RENAME TO seen_events").update();
        }

        receiver.awaitRequests(1, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, opened.eventId())));
        assertThat(count("deliveries WHERE subscription_id = '" + id + "'")).isEqualTo(1);
        assertThat(count("dead_lettered_events WHERE record_key = '" + opened.aggregateId() + "'")).isZero();
    }

    private double eventsReceived(String outcome) {
        return registry.find("sitrep.events.received").tag("outcome", outcome).counters().stream().mapToDouble(Counter::count).sum();
    }

    @Test
    void aComponentEventIsRecordedAsSeenAndNotifiesNobody() throws Exception {
        Receiver receiver = aReceiver();
        subscribe("{\"channel\":\"webhook\",\"url\":\"" + receiver.url() + "\"}");
        tools.jackson.databind.node.ObjectNode sample = (tools.jackson.databind.node.ObjectNode) JSON.readTree(
                GoldenSamples.sample(EventType.COMPONENT_STATUS_CHANGED));
        UUID eventId = UUID.randomUUID();
        sample.put("eventId", eventId.toString());
        SitrepEvent changed = new EventCodec().decode(EventType.COMPONENT_STATUS_CHANGED.wireName(), JSON.writeValueAsBytes(sample));

        publish(changed);

        await().atMost(TIMEOUT).until(() -> count("seen_events WHERE event_id = '" + eventId + "'") == 1);
        assertThat(count("deliveries WHERE event_id = '" + eventId + "'")).isZero();
        assertThat(receiver.requests()).isEmpty();
    }
}
