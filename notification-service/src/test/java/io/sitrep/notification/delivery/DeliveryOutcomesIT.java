package io.sitrep.notification.delivery;

import io.sitrep.events.DeliveryRecovered;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.delivery.application.DeliveryOutcomes;
import io.sitrep.notification.delivery.application.DeliveryOutcomes.Outcome;
import io.sitrep.notification.delivery.Delivery;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.Subscriptions;
import io.sitrep.support.tracing.StoredTrace;
import io.sitrep.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
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

    private final EventCodec codec = new EventCodec();

    @Test
    void attemptsRecordedTogetherSettleTheirDeliveriesUnlessAnotherDispatcherTookTheLeaseOver() {
        Subscription subscription = aSubscription("together");
        Delivery.Delivering first = aClaimedDelivery(subscription, UUID.randomUUID());
        Delivery.Delivering second = aClaimedDelivery(subscription, UUID.randomUUID());
        Delivery.Delivering takenOver = aClaimedDelivery(subscription, UUID.randomUUID());
        jdbc.sql("UPDATE deliveries SET lease_id = ? WHERE id = ?").params(UUID.randomUUID(), takenOver.id().value()).update();

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
        jdbc.sql("UPDATE subscriptions SET failing_since = now() - interval '1 hour', consecutive_failures = 5, failing_reported = true "
                + "WHERE id = ?").param(subscription.id().value()).update();
        Delivery.Delivering dead = aClaimedDelivery(subscription, UUID.randomUUID());
        jdbc.sql("UPDATE deliveries SET status = 'dead', dead_at = now() - interval '10 minutes', lease_id = NULL, locked_until = NULL "
                + "WHERE id = ?").param(dead.id().value()).update();

        try (TopicReader deliveryEvents = TopicReader.of(DELIVERY_EVENTS)) {
            outcomes.recordDelivered(List.of(delivered(aClaimedDelivery(subscription, UUID.randomUUID()), subscription),
                    delivered(aClaimedDelivery(subscription, UUID.randomUUID()), subscription)));

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

    /** A delivery held under a lease of its own, as the dispatcher holds one it is sending; no dispatcher claims it meanwhile. */
    private Delivery.Delivering aClaimedDelivery(Subscription subscription, UUID eventId) {
        UUID id = UUID.randomUUID();
        UUID lease = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO deliveries (id, subscription_id, event_id, event_type, endpoint, payload, status, lease_id,
                                                locked_until, created_at, published_at)
                        VALUES (?, ?, ?, 'incident.opened', ?, ?, 'pending', ?, ?, ?, ?)""")
                .params(id, subscription.id().value(), eventId, subscription.endpoint(), "{}".getBytes(), lease,
                        Timestamp.from(Instant.now().plus(Duration.ofMinutes(10))), now, now)
                .update();
        return new Delivery.Delivering(new DeliveryId(id), subscription.id(), 0, 0, new Delivery.Sending(eventId, "incident.opened",
                subscription.endpoint(), "{}".getBytes(), now.toInstant(), StoredTrace.NONE),
                new Lease(lease, Instant.now().plus(Duration.ofMinutes(10))), AttemptTrigger.SCHEDULED);
    }

    private static DeliveryOutcomes.Delivered delivered(Delivery.Delivering claimed, Subscription subscription) {
        return new DeliveryOutcomes.Delivered(claimed, subscription, AttemptResult.status(200, null, Duration.ofMillis(3)), Instant.now(),
                Runnable::run);
    }

    /** The state as the API shows it: a pending or failed delivery under a lease that has not expired is being sent. */
    private String status(Delivery.Delivering delivery) {
        return jdbc.sql("SELECT CASE WHEN status IN ('pending', 'failed') AND locked_until >= now() THEN 'delivering' ELSE status END "
                        + "FROM deliveries WHERE id = ?").param(delivery.id().value()).query(String.class).single();
    }
}
