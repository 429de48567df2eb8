package io.sitrep.notification.delivery;

import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.support.tracing.StoredTrace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one claim takes from the queue. Each case runs in a transaction that is rolled back, at an instant
 * a year ahead, with every other subscription's waiting deliveries set aside meanwhile: the running dispatcher,
 * which claims at the real time, never sees these rows, and the claim sees nothing else. The queue is built through
 * the port, as the intake and the dispatcher build it: deliveries created pending, a failed or delivered one claimed
 * and its attempt recorded.
 */
class ClaimIT extends IntegrationTest {

    private static final Instant LATER = Instant.now().plus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    private Deliveries deliveries;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void eachEndpointGivesItsOldestDueDeliveriesUpToItsFreeSlotsAndABusyEndpointNone() {
        SubscriptionId subscription = aSubscription();
        String busy = endpoint("busy");
        String halfFull = endpoint("half-full");
        String idle = endpoint("idle");

        Claim claim = rolledBack(subscription, () -> {
            UUID halfFullOldest = failed(subscription, halfFull, LATER.minusSeconds(30));
            delivered(subscription, idle);
            List<UUID> busyQueue = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                busyQueue.add(pending(subscription, busy, LATER.minusSeconds(100 - i)));
            }
            UUID halfFullNext = pending(subscription, halfFull, LATER.minusSeconds(20));
            pending(subscription, halfFull, LATER.minusSeconds(10));
            UUID idleFirst = pending(subscription, idle, LATER.minusSeconds(5));
            UUID idleSecond = pending(subscription, idle, LATER.minusSeconds(4));
            pending(subscription, idle, LATER.plusSeconds(60));
            List<Delivery.Delivering> claimed = deliveries.claimDue(50, Map.of(busy, 0, halfFull, 2), 4, 1, LATER, Duration.ofMinutes(2));
            return new Claim(ids(claimed), List.of(halfFullOldest, halfFullNext, idleFirst, idleSecond), busyQueue);
        });

        assertThat(claim.claimed()).containsExactlyInAnyOrderElementsOf(claim.expected()).doesNotContainAnyElementsOf(claim.passedOver());
    }

    @Test
    void aClaimTakesTheLongestWaitingFirstAndNoMoreThanItsLimit() {
        SubscriptionId subscription = aSubscription();
        String first = endpoint("first");
        String second = endpoint("second");

        Claim claim = rolledBack(subscription, () -> {
            UUID oldest = pending(subscription, first, LATER.minusSeconds(40));
            UUID older = pending(subscription, second, LATER.minusSeconds(30));
            pending(subscription, first, LATER.minusSeconds(20));
            pending(subscription, second, LATER.minusSeconds(10));
            return new Claim(ids(deliveries.claimDue(2, Map.of(), 4, 1, LATER, Duration.ofMinutes(2))), List.of(oldest, older), List.of());
        });

        assertThat(claim.claimed()).containsExactlyInAnyOrderElementsOf(claim.expected());
    }

    @Test
    void emailsAreClaimedUpToTheMailSlots() {
        SubscriptionId subscription = aSubscription();

        Claim claim = rolledBack(subscription, () -> {
            UUID firstMail = pending(subscription, "smtp", LATER.minusSeconds(3));
            pending(subscription, "smtp", LATER.minusSeconds(2));
            return new Claim(ids(deliveries.claimDue(50, Map.of(), 4, 1, LATER, Duration.ofMinutes(2))), List.of(firstMail), List.of());
        });

        assertThat(claim.claimed()).containsExactlyInAnyOrderElementsOf(claim.expected());
    }

    @Test
    void aClaimedDeliveryIsHeldUnderTheLeaseAndNotClaimedTwice() {
        SubscriptionId subscription = aSubscription();
        String target = endpoint("leased");

        List<List<UUID>> claims = rolledBack(subscription, () -> {
            UUID due = pending(subscription, target, LATER.minusSeconds(1));
            List<Delivery.Delivering> once = deliveries.claimDue(50, Map.of(), 4, 1, LATER, Duration.ofMinutes(2));
            List<Delivery.Delivering> twice = deliveries.claimDue(50, Map.of(), 4, 1, LATER, Duration.ofMinutes(2));
            // Issue 17: the claim writes only the lease; the stored state stays the one it was claimed in.
            assertThat(jdbc.sql("SELECT status, locked_until FROM deliveries WHERE id = ?").param(due)
                    .query((rs, n) -> rs.getString(1) + " " + rs.getTimestamp(2).toInstant()).single())
                    .isEqualTo("pending " + LATER.plus(Duration.ofMinutes(2)));
            return List.of(ids(once), ids(twice), List.of(due));
        });

        assertThat(claims.get(0)).containsExactlyInAnyOrderElementsOf(claims.get(2));
        assertThat(claims.get(1)).isEmpty();
    }

    /** Runs {@code work} with every other subscription's waiting deliveries set aside, and rolls it all back. */
    private <T> T rolledBack(SubscriptionId subscription, Supplier<T> work) {
        return transactions.execute(tx -> {
            setOthersAside(subscription);
            T result = work.get();
            tx.setRollbackOnly();
            return result;
        });
    }

    /** Pushes every waiting delivery but the test's own past the claim's instant, until the rollback. */
    private void setOthersAside(SubscriptionId subscription) {
        jdbc.sql("UPDATE deliveries SET next_attempt_at = ? WHERE status IN ('pending', 'failed') AND subscription_id <> ?")
                .params(Timestamp.from(LATER.plus(Duration.ofDays(1))), subscription.value())
                .update();
    }

    private SubscriptionId aSubscription() {
        return new SubscriptionId(UUID.fromString(subscribeWebhook(aReceiver().url(), freshComponent("claim")).get("id").asString()));
    }

    private static String endpoint(String name) {
        return "https://claim-" + name + "-" + UUID.randomUUID() + ".example:443";
    }

    /** A delivery the intake created at {@code due}: pending, due then. */
    private UUID pending(SubscriptionId subscription, String endpoint, Instant due) {
        DeliveryId id = new DeliveryId(UUID.randomUUID());
        deliveries.insertAll(List.of(new Deliveries.NewDelivery(id, subscription,
                new Delivery.Sending(UUID.randomUUID(), "incident.opened", endpoint, "{}".getBytes(), due, StoredTrace.NONE))), due);
        return id.value();
    }

    /**
     * A delivery whose first attempt failed, due again at {@code due}: created, claimed and recorded an hour earlier,
     * before anything else of the test is due, so that the claim takes it alone.
     */
    private UUID failed(SubscriptionId subscription, String endpoint, Instant due) {
        Instant attempted = due.minus(Duration.ofHours(1));
        Delivery.Delivering attempt = claimedAlone(subscription, endpoint, attempted);
        RetryPolicy retryInAnHour = new RetryPolicy(new RetrySchedule(List.of(Duration.ZERO, Duration.ofHours(1)), 0), Duration.ofHours(1),
                () -> 0.5);
        Delivery next = attempt.record(AttemptResult.status(503, null, Duration.ofMillis(5)), retryInAnHour,
                Clock.fixed(attempted, ZoneOffset.UTC)).state();
        assertThat(next).isInstanceOf(Delivery.Failed.class);
        assertThat(deliveries.settle(attempt, next, attempted)).isTrue();
        return attempt.id().value();
    }

    /** A delivery sent an hour before the claim's instant; settled, it is no longer due. */
    private void delivered(SubscriptionId subscription, String endpoint) {
        Instant attempted = LATER.minus(Duration.ofHours(2));
        Delivery.Delivering attempt = claimedAlone(subscription, endpoint, attempted);
        Delivery next = attempt.record(AttemptResult.status(200, null, Duration.ofMillis(5)),
                new RetryPolicy(new RetrySchedule(List.of(Duration.ZERO), 0), Duration.ofHours(1), () -> 0.5),
                Clock.fixed(attempted, ZoneOffset.UTC)).state();
        assertThat(next).isInstanceOf(Delivery.Delivered.class);
        assertThat(deliveries.settle(attempt, next, attempted)).isTrue();
    }

    /** A new delivery, claimed at {@code at} by a claim that finds nothing else due. */
    private Delivery.Delivering claimedAlone(SubscriptionId subscription, String endpoint, Instant at) {
        UUID id = pending(subscription, endpoint, at);
        List<Delivery.Delivering> claimed = deliveries.claimDue(50, Map.of(), 4, 1, at, Duration.ofMinutes(2));
        assertThat(ids(claimed)).containsExactly(id);
        return claimed.get(0);
    }

    private static List<UUID> ids(List<Delivery.Delivering> claimed) {
        return claimed.stream().map(d -> d.id().value()).toList();
    }

    /** What a claim took, what it should have taken, and what it should have passed over. */
    private record Claim(List<UUID> claimed, List<UUID> expected, List<UUID> passedOver) {
    }
}
