package io.sitrep.notification.delivery;

import io.sitrep.events.DeliveryExhausted;
import io.sitrep.events.DeliveryFailing;
import io.sitrep.events.DeliveryRecovered;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.SubscriptionDisabled;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.UndecodableEvent;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Receiver;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.Subscriptions;
import io.sitrep.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Exhausted deliveries become dead letters; the API re-drives them, and so does the receiver's recovery. */
class DeadLetterIT extends IntegrationTest {

    private final EventCodec codec = new EventCodec();

    @Autowired
    private Subscriptions subscriptions;

    @Autowired
    private DispatchFixtures dispatch;

    private TopicReader deliveryEvents;

    @BeforeEach
    void readDeliveryEvents() {
        deliveryEvents = TopicReader.of(DELIVERY_EVENTS);
    }

    @AfterEach
    void closeReader() {
        deliveryEvents.close();
    }

    @Test
    void anExhaustedDeliveryBecomesADeadLetterThatTheApiRedrives() throws UndecodableEvent {
        Receiver receiver = aReceiver().answerAlways(503);
        String component = freshComponent("exhausted");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);

        publish(opened);

        await().atMost(TIMEOUT).until(() -> "dead".equals(deliveryStatus(id, opened.eventId())));
        assertThat(receiver.requests()).hasSize(4);
        DeliveryExhausted exhausted = awaitEvent(id, DeliveryExhausted.class);
        assertThat(exhausted.sourceEventId()).isEqualTo(opened.eventId());
        assertThat(exhausted.attempts()).isEqualTo(4);
        assertThat(exhausted.lastError()).isEqualTo("HTTP 503");
        JsonNode dryRun = api.as(OPERATOR_KEY).post("/api/v1/deliveries/redrive", "{\"subscriptionId\":\"" + id + "\",\"dryRun\":true}")
                .expect(200).json();
        assertThat(dryRun.get("redriven").asInt()).isEqualTo(1);
        assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
        assertThat(deliveryStatus(id, opened.eventId())).isEqualTo("dead");

        receiver.answerAlways(200);
        JsonNode redriven = api.as(OPERATOR_KEY).post("/api/v1/deliveries/redrive", "{\"subscriptionId\":\"" + id + "\"}")
                .expect(200).json();

        assertThat(redriven.get("redriven").asInt()).isEqualTo(1);
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, opened.eventId())));
        assertThat(receiver.requests()).hasSize(5);
        assertThat(receiver.requests()).extracting(r -> r.header("webhook-id")).containsOnly(receiver.requests().get(0).header("webhook-id"));
    }

    /** Issue 17: each attempt says what started it, and keeps the start of the answer, secrets redacted. */
    @Test
    void attemptsRecordTheirTriggerAndTheStartOfTheAnswer() {
        Receiver receiver = aReceiver().answerAlways(503)
                .answer(Receiver.Answer.of(503, "down for maintenance; mail ops@example.com, key whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        String component = freshComponent("triggers");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);
        publish(opened);
        await().atMost(TIMEOUT).until(() -> "dead".equals(deliveryStatus(id, opened.eventId())));
        receiver.answerAlways(200);

        api.as(OPERATOR_KEY).post("/api/v1/deliveries/redrive", "{\"subscriptionId\":\"" + id + "\"}").expect(200);

        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, opened.eventId())));
        JsonNode attempts = api.get("/api/v1/subscriptions/" + id + "/deliveries").expect(200).json()
                .get("items").get(0).get("attempts");
        assertThat(attempts).hasSize(5);
        assertThat(attempts.get(0).get("trigger").asString()).isEqualTo("scheduled");
        assertThat(attempts.get(3).get("trigger").asString()).isEqualTo("scheduled");
        assertThat(attempts.get(4).get("trigger").asString()).isEqualTo("manual_redrive");
        assertThat(attempts.get(0).get("responseBody").asString()).isEqualTo("down for maintenance; mail [redacted], key whsec_[redacted]");
    }

    @Test
    void aRedriveBoundedInTimeTakesOnlyTheDeadLettersOfThatWindow() {
        Receiver receiver = aReceiver().answerAlways(503);
        String component = freshComponent("window");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);
        publish(opened);
        await().atMost(TIMEOUT).until(() -> "dead".equals(deliveryStatus(id, opened.eventId())));

        JsonNode before = api.as(OPERATOR_KEY).post("/api/v1/deliveries/redrive",
                "{\"subscriptionId\":\"" + id + "\",\"until\":\"2020-01-01T00:00:00Z\"}").expect(200).json();
        JsonNode after = api.as(OPERATOR_KEY).post("/api/v1/deliveries/redrive",
                "{\"subscriptionId\":\"" + id + "\",\"since\":\"" + java.time.Instant.now().plus(java.time.Duration.ofHours(1))
                        + "\",\"dryRun\":true}").expect(200).json();

        assertThat(before.get("redriven").asInt()).isZero();
        assertThat(after.get("redriven").asInt()).isZero();
        assertThat(deliveryStatus(id, opened.eventId())).isEqualTo("dead");
    }

    @Test
    void deadLettersAreRedrivenByThemselvesWhenTheReceiverRecovers() throws UndecodableEvent {
        Receiver receiver = aReceiver().answerAlways(503);
        String component = freshComponent("recovers");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        IncidentOpened duringOutage = Incidents.opened(component, Impact.MAJOR);
        publish(duringOutage);
        await().atMost(TIMEOUT).until(() -> "dead".equals(deliveryStatus(id, duringOutage.eventId())));
        DeliveryFailing failing = awaitEvent(id, DeliveryFailing.class);
        assertThat(failing.consecutiveFailures()).isEqualTo(3);

        receiver.answerAlways(200);
        IncidentOpened afterOutage = Incidents.opened(component, Impact.MAJOR);
        publish(afterOutage);

        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, afterOutage.eventId()))
                && "delivered".equals(deliveryStatus(id, duringOutage.eventId())));
        DeliveryRecovered recovered = awaitEvent(id, DeliveryRecovered.class);
        assertThat(recovered.redriven()).isEqualTo(1);
        JsonNode redriven = api.get("/api/v1/subscriptions/" + id + "/deliveries").expect(200).json().get("items")
                .valueStream().filter(d -> d.get("eventId").asString().equals(duringOutage.eventId().toString())).findFirst().orElseThrow();
        assertThat(redriven.get("attempts").get(redriven.get("attempts").size() - 1).get("trigger").asString())
                .as("issue 17: the attempt after a recovery's re-drive says so").isEqualTo("automatic_redrive");
        assertThat(recovered.failingSince()).isEqualTo(failing.failingSince());
    }

    @Test
    void aSubscriptionFailingForLongerThanTheLimitIsDisabledWithAnEventAndKeepsItsDeadLetters() throws UndecodableEvent {
        Receiver receiver = aReceiver().answerAlways(503);
        String component = freshComponent("hopeless");
        String id = subscribeWebhook(receiver.url(), component).get("id").asString();
        // Five days and more of failures, compressed: an earlier delivery failed every day from six days ago until it
        // died two days ago, recorded as the dispatcher records attempts, with its clock at each day.
        Subscription failing = subscriptions.find(new SubscriptionId(UUID.fromString(id))).orElseThrow();
        Instant now = Instant.now();
        DeliveryId earlier = dispatch.aDeadLetter(failing, AttemptResult.status(503, null, Duration.ofMillis(3)),
                now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(3)),
                now.minus(Duration.ofDays(2)));
        assertThat(api.get("/api/v1/subscriptions/" + id).expect(200).json().get("status").asString())
                .as("the fixture: at its last attempt, four days of failures were not yet too long").isEqualTo("active");
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);

        publish(opened);

        await().atMost(TIMEOUT).until(() -> "dead".equals(deliveryStatus(id, opened.eventId())));
        JsonNode subscription = api.get("/api/v1/subscriptions/" + id).expect(200).json();
        assertThat(subscription.get("status").asString()).isEqualTo("disabled");
        assertThat(subscription.get("disabledReason").asString()).isEqualTo("failing_too_long");
        assertThat(receiver.requests()).hasSize(1);
        SubscriptionDisabled disabled = awaitEvent(id, SubscriptionDisabled.class);
        assertThat(disabled.reason()).isEqualTo("failing_too_long");
        assertThat(jdbc.sql("SELECT status FROM deliveries WHERE id = ?").param(earlier.value()).query(String.class).single())
                .isEqualTo("dead");
    }

    private <T extends SitrepEvent> T awaitEvent(String subscriptionId, Class<T> type) throws UndecodableEvent {
        List<T> found = new ArrayList<>();
        await().atMost(TIMEOUT).until(() -> {
            found.clear();
            for (ConsumerRecord<String, byte[]> record : deliveryEvents.recordsSoFar(TopicReader.keyed(subscriptionId))) {
                SitrepEvent event = codec.decode(TopicReader.headers(record), record.value());
                if (type.isInstance(event)) {
                    found.add(type.cast(event));
                }
            }
            return !found.isEmpty();
        });
        return found.get(0);
    }
}
