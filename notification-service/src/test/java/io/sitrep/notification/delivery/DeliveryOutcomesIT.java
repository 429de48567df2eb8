package io.sitrep.notification.delivery;

import io.sitrep.events.DeliveryRecovered;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.delivery.application.DeliveryOutcomes;
import io.sitrep.notification.delivery.application.DeliveryOutcomes.Outcome;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.Subscriptions;
import io.sitrep.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Successful attempts recorded together come out as if each had been recorded alone. */
class DeliveryOutcomesIT extends IntegrationTest {

    @Autowired
    private DeliveryOutcomes outcomes;

    @Autowired
    private Subscriptions subscriptions;

    @Autowired
    private DispatchFixtures dispatch;

    private final EventCodec codec = new EventCodec();

    @Test
    void attemptsRecordedTogetherSettleTheirDeliveriesUnlessAnotherDispatcherTookTheLeaseOver() {
        Subscription subscription = aSubscription("together");
        Delivery.Delivering first = aClaimedDelivery(subscription);
        Delivery.Delivering second = aClaimedDelivery(subscription);
        Delivery.Delivering takenOver = aDeliveryWhoseLeaseAnotherDispatcherTookOver(subscription);

        List<Outcome> recorded = outcomes.recordDelivered(List.of(delivered(first, subscription), delivered(second, subscription),
                delivered(takenOver, subscription)));

        assertThat(recorded).containsExactly(Outcome.DELIVERED, Outcome.DELIVERED, Outcome.LEASE_LOST);
        assertThat(status(first)).isEqualTo("delivered");
        assertThat(status(second)).isEqualTo("delivered");
        assertThat(status(takenOver)).isEqualTo("delivering");
        assertThat(jdbc.sql("SELECT count(*) FROM delivery_attempts WHERE delivery_id IN (?, ?, ?) AND attempt = 1 AND status_code = 200")
                .params(first.id().value(), second.id().value(), takenOver.id().value()).query(Long.class).single()).isEqualTo(3L);
        assertThat(jdbc.sql("SELECT attempt_count FROM deliveries WHERE id = ?").param(first.id().value()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aFailingSubscriptionWhoseAttemptsSucceedTogetherRecoversOnceAndGetsItsDeadLettersBack() throws Exception {
        Subscription subscription = aSubscription("recovering");
        Instant now = Instant.now();
        // Failing for an hour: five attempts of one delivery failed, from an hour ago until it died ten minutes ago.
        DeliveryId dead = dispatch.aDeadLetter(subscription, AttemptResult.status(503, null, Duration.ofMillis(3)),
                now.minus(Duration.ofMinutes(60)), now.minus(Duration.ofMinutes(45)), now.minus(Duration.ofMinutes(30)),
                now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(10)));
        assertThat(jdbc.sql("SELECT failing_reported FROM subscriptions WHERE id = ?").param(subscription.id().value())
                .query(Boolean.class).single()).as("the fixture: a subscription told to be failing").isTrue();

        try (TopicReader deliveryEvents = TopicReader.of(DELIVERY_EVENTS)) {
            outcomes.recordDelivered(List.of(delivered(aClaimedDelivery(subscription), subscription),
                    delivered(aClaimedDelivery(subscription), subscription)));

            assertThat(jdbc.sql("SELECT consecutive_failures FROM subscriptions WHERE id = ?").param(subscription.id().value())
                    .query(Integer.class).single()).isZero();
            assertThat(status(dead)).isIn("pending", "delivering", "delivered");
            await().atMost(TIMEOUT).until(() -> recovered(deliveryEvents, subscription).size() == 1);
            assertThat(recovered(deliveryEvents, subscription).get(0).redriven()).isEqualTo(1);
        }
    }

    private List<DeliveryRecovered> recovered(TopicReader reader, Subscription subscription) throws Exception {
        List<DeliveryRecovered> found = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : reader.recordsSoFar(TopicReader.keyed(subscription.id().value().toString()))) {
            SitrepEvent event = codec.decode(TopicReader.headers(record), record.value());
            if (event instanceof DeliveryRecovered recovered) {
                found.add(recovered);
            }
        }
        return found;
    }

    private Subscription aSubscription(String prefix) {
        String id = subscribeWebhook(aReceiver().url(), freshComponent(prefix)).get("id").asString();
        return subscriptions.find(new SubscriptionId(UUID.fromString(id))).orElseThrow();
    }

    /**
     * A delivery held under a lease of its own, as the dispatcher holds one it is sending: queued and claimed in one
     * transaction, under a lease long enough that no dispatcher claims it meanwhile.
     */
    private Delivery.Delivering aClaimedDelivery(Subscription subscription) {
        return dispatch.inOneTransaction(() -> {
            Instant now = Instant.now();
            return dispatch.claim(dispatch.queue(subscription, now), subscription.endpoint(), now, Duration.ofMinutes(10));
        });
    }

    /**
     * A delivery as its first dispatcher still holds it after stalling: claimed a minute ago under a lease of ten
     * seconds, which expired, and claimed now by another dispatcher. Answers the first claim.
     */
    private Delivery.Delivering aDeliveryWhoseLeaseAnotherDispatcherTookOver(Subscription subscription) {
        return dispatch.inOneTransaction(() -> {
            Instant now = Instant.now();
            Instant minuteAgo = now.minus(Duration.ofMinutes(1));
            DeliveryId id = dispatch.queue(subscription, minuteAgo);
            Delivery.Delivering stalled = dispatch.claim(id, subscription.endpoint(), minuteAgo, Duration.ofSeconds(10));
            Delivery.Delivering takeover = dispatch.claim(id, subscription.endpoint(), now, Duration.ofMinutes(10));
            assertThat(takeover.lease().id()).isNotEqualTo(stalled.lease().id());
            return stalled;
        });
    }

    private static DeliveryOutcomes.Delivered delivered(Delivery.Delivering claimed, Subscription subscription) {
        return new DeliveryOutcomes.Delivered(claimed, subscription, AttemptResult.status(200, null, Duration.ofMillis(3)), Instant.now(),
                Runnable::run);
    }

    /** The state as the API shows it: a pending or failed delivery under a lease that has not expired is being sent. */
    private String status(Delivery.Delivering delivery) {
        return status(delivery.id());
    }

    private String status(DeliveryId delivery) {
        return jdbc.sql("SELECT CASE WHEN status IN ('pending', 'failed') AND locked_until >= now() THEN 'delivering' ELSE status END "
                        + "FROM deliveries WHERE id = ?").param(delivery.value()).query(String.class).single();
    }
}
