package io.sitrep.notification.delivery;

import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.delivery.application.DeliveryOutcomes;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.Subscriptions;
import io.sitrep.support.tracing.StoredTrace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What PostgreSQL writes for a delivery (issue 17): the counts come from {@code pg_stat_xact_user_tables},
 * which holds the current transaction's own, so the running dispatcher's work elsewhere does not blur them. As in
 * {@link ClaimIT}, each case runs at an instant a year ahead in a transaction that is rolled back, with every other
 * waiting delivery set aside meanwhile, and its deliveries are created through the port, as the intake creates them.
 */
class DeliveryWritesIT extends IntegrationTest {

    private static final Instant LATER = Instant.now().plus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);
    /** About the size of an incident update's webhook body. */
    private static final byte[] PAYLOAD = "{\"type\":\"incident.updated\",\"data\":{}}".repeat(12).getBytes();

    @Autowired
    private Deliveries deliveries;

    @Autowired
    private DeliveryOutcomes outcomes;

    @Autowired
    private Subscriptions subscriptions;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void aClaimWritesOnlyTheLeaseInHeapOnlyUpdates() {
        // Issue 17: a claim changed the indexed status, so none of its updates could be heap-only.
        Subscription subscription = aSubscription();

        Counts claim = transactions.execute(tx -> {
            setOthersAside(subscription.id().value());
            queue(subscription.id(), 4, "heap-only");
            Counts before = counts();
            assertThat(deliveries.claimDue(50, Map.of(), 4, 1, LATER, Duration.ofMinutes(2))).hasSize(4);
            Counts after = counts();
            tx.setRollbackOnly();
            return after.minus(before);
        });

        assertThat(claim.updated()).isEqualTo(4);
        assertThat(claim.heapOnly()).isEqualTo(4);
    }

    @Test
    void aSuccessfulDeliveryIsUpdatedTwiceOnlyTheSettleNotHeapOnlyAndItsAttemptsAreOneInsert() {
        // Issue 17: two updates that were never heap-only, and an attempt insert each.
        Subscription subscription = aSubscription();

        Counts success = transactions.execute(tx -> {
            setOthersAside(subscription.id().value());
            queue(subscription.id(), 4, "success");
            Counts before = counts();
            List<Delivery.Delivering> claimed = deliveries.claimDue(50, Map.of(), 4, 1, LATER, Duration.ofMinutes(2));
            List<DeliveryOutcomes.Outcome> recorded = outcomes.recordDelivered(claimed.stream()
                    .map(d -> new DeliveryOutcomes.Delivered(d, subscription, AttemptResult.status(200, null, Duration.ofMillis(2)), LATER,
                            Runnable::run))
                    .toList());
            Counts after = counts();
            assertThat(recorded).containsOnly(DeliveryOutcomes.Outcome.DELIVERED).hasSize(4);
            tx.setRollbackOnly();
            return after.minus(before);
        });

        assertThat(success.updated()).isEqualTo(8);
        assertThat(success.heapOnly()).isEqualTo(4);
        assertThat(success.attemptsInserted()).isEqualTo(4);
    }

    /** This transaction's own counts for the delivery tables so far. */
    private Counts counts() {
        return jdbc.sql("""
                        SELECT d.n_tup_upd, d.n_tup_hot_upd, a.n_tup_ins
                        FROM pg_stat_xact_user_tables d, pg_stat_xact_user_tables a
                        WHERE d.relname = 'deliveries' AND a.relname = 'delivery_attempts'""")
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** Deliveries updated, of them heap-only, and attempts inserted. */
    private record Counts(long updated, long heapOnly, long attemptsInserted) {

        Counts minus(Counts before) {
            return new Counts(updated - before.updated, heapOnly - before.heapOnly, attemptsInserted - before.attemptsInserted);
        }
    }

    /** {@code depth} deliveries to one endpoint, created by the intake's batch insert and due just before the claim's instant. */
    private void queue(SubscriptionId subscription, int depth, String name) {
        String endpoint = "https://" + name + "-" + UUID.randomUUID() + ".example:443";
        Instant created = LATER.minusSeconds(1);
        deliveries.insertAll(IntStream.range(0, depth)
                .mapToObj(i -> new Deliveries.NewDelivery(new DeliveryId(UUID.randomUUID()), subscription,
                        new Delivery.Sending(UUID.randomUUID(), "incident.updated", endpoint, PAYLOAD, created, StoredTrace.NONE)))
                .toList(), created);
    }

    /** Pushes every waiting delivery but the test's own past the claim's instant, until the rollback. */
    private void setOthersAside(UUID subscription) {
        jdbc.sql("UPDATE deliveries SET next_attempt_at = ? WHERE status IN ('pending', 'failed') AND subscription_id <> ?")
                .params(Timestamp.from(LATER.plus(Duration.ofDays(1))), subscription)
                .update();
    }

    private Subscription aSubscription() {
        String id = subscribeWebhook(aReceiver().url(), freshComponent("writes")).get("id").asString();
        return subscriptions.find(new SubscriptionId(UUID.fromString(id))).orElseThrow();
    }
}
