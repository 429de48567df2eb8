package io.sitrep.notification.delivery;

import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.delivery.Deliveries;
import io.sitrep.notification.delivery.Delivery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one claim takes from the queue. Each claim runs in a transaction that is rolled back, at an instant
 * a year ahead, with every other subscription's waiting deliveries set aside meanwhile: the running dispatcher,
 * which claims at the real time, never sees these rows, and the claim sees nothing else.
 */
class ClaimIT extends IntegrationTest {

    private static final Instant LATER = Instant.now().plus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    private Deliveries deliveries;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void eachEndpointGivesItsOldestDueDeliveriesUpToItsFreeSlotsAndABusyEndpointNone() {
        UUID subscription = aSubscription();
        String busy = endpoint("busy");
        String halfFull = endpoint("half-full");
        String idle = endpoint("idle");
        List<UUID> busyQueue = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            busyQueue.add(waiting(subscription, busy, LATER.minusSeconds(100 - i), "pending"));
        }
        UUID halfFullOldest = waiting(subscription, halfFull, LATER.minusSeconds(30), "failed");
        UUID halfFullNext = waiting(subscription, halfFull, LATER.minusSeconds(20), "pending");
        waiting(subscription, halfFull, LATER.minusSeconds(10), "pending");
        UUID idleFirst = waiting(subscription, idle, LATER.minusSeconds(5), "pending");
        UUID idleSecond = waiting(subscription, idle, LATER.minusSeconds(4), "pending");
        waiting(subscription, idle, LATER.plusSeconds(60), "pending");
        waiting(subscription, idle, LATER.minusSeconds(50), "delivered");

        List<Delivery.Delivering> claimed = claimRolledBack(subscription,
                d -> d.claimDue(50, Map.of(busy, 0, halfFull, 2), 4, 1, LATER, Duration.ofMinutes(2)));

        assertThat(claimed).extracting(d -> d.id().value()).containsExactlyInAnyOrder(halfFullOldest, halfFullNext, idleFirst, idleSecond);
        assertThat(claimed).extracting(d -> d.id().value()).doesNotContainAnyElementsOf(busyQueue);
    }

    @Test
    void aClaimTakesTheLongestWaitingFirstAndNoMoreThanItsLimit() {
        UUID subscription = aSubscription();
        String first = endpoint("first");
        String second = endpoint("second");
        UUID oldest = waiting(subscription, first, LATER.minusSeconds(40), "pending");
        UUID older = waiting(subscription, second, LATER.minusSeconds(30), "pending");
        waiting(subscription, first, LATER.minusSeconds(20), "pending");
        waiting(subscription, second, LATER.minusSeconds(10), "pending");

        List<Delivery.Delivering> claimed = claimRolledBack(subscription, d -> d.claimDue(2, Map.of(), 4, 1, LATER, Duration.ofMinutes(2)));

        assertThat(claimed).extracting(d -> d.id().value()).containsExactlyInAnyOrder(oldest, older);
    }

    @Test
    void emailsAreClaimedUpToTheMailSlots() {
        UUID subscription = aSubscription();
        UUID firstMail = waiting(subscription, "smtp", LATER.minusSeconds(3), "pending");
        waiting(subscription, "smtp", LATER.minusSeconds(2), "pending");

        List<Delivery.Delivering> claimed = claimRolledBack(subscription, d -> d.claimDue(50, Map.of(), 4, 1, LATER, Duration.ofMinutes(2)));

        assertThat(claimed).extracting(d -> d.id().value()).containsExactlyInAnyOrder(firstMail);
    }

    @Test
    void aClaimedDeliveryIsHeldUnderTheLeaseAndNotClaimedTwice() {
        UUID subscription = aSubscription();
        String target = endpoint("leased");
        UUID due = waiting(subscription, target, LATER.minusSeconds(1), "pending");

        List<List<Delivery.Delivering>> claims = transactions.execute(tx -> {
            setOthersAside(subscription);
            List<Delivery.Delivering> once = deliveries.claimDue(50, Map.of(), 4, 1, LATER, Duration.ofMinutes(2));
            List<Delivery.Delivering> twice = deliveries.claimDue(50, Map.of(), 4, 1, LATER, Duration.ofMinutes(2));
            // Issue 17: the claim writes only the lease; the stored state stays the one it was claimed in.
            assertThat(jdbc.sql("SELECT status, locked_until FROM deliveries WHERE id = ?").param(due)
                    .query((rs, n) -> rs.getString(1) + " " + rs.getTimestamp(2).toInstant()).single())
                    .isEqualTo("pending " + LATER.plus(Duration.ofMinutes(2)));
            tx.setRollbackOnly();
            return List.of(once, twice);
        });

        assertThat(claims.get(0)).extracting(d -> d.id().value()).containsExactlyInAnyOrder(due);
        assertThat(claims.get(1)).isEmpty();
    }

    private List<Delivery.Delivering> claimRolledBack(UUID subscription, Function<Deliveries, List<Delivery.Delivering>> claim) {
        return transactions.execute(tx -> {
            setOthersAside(subscription);
            List<Delivery.Delivering> claimed = claim.apply(deliveries);
            tx.setRollbackOnly();
            return claimed;
        });
    }

    /** Pushes every waiting delivery but the test's own past the claim's instant, until the rollback. */
    private void setOthersAside(UUID subscription) {
        jdbc.sql("UPDATE deliveries SET next_attempt_at = ? WHERE status IN ('pending', 'failed') AND subscription_id <> ?")
                .params(Timestamp.from(LATER.plus(Duration.ofDays(1))), subscription)
                .update();
    }

    private UUID aSubscription() {
        return UUID.fromString(subscribeWebhook(aReceiver().url(), freshComponent("claim")).get("id").asString());
    }

    private static String endpoint(String name) {
        return "https://claim-" + name + "-" + UUID.randomUUID() + ".example:443";
    }

    private UUID waiting(UUID subscription, String endpoint, Instant due, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO deliveries (id, subscription_id, event_id, event_type, endpoint, payload, status,
                                                next_attempt_at, created_at, published_at)
                        VALUES (?, ?, ?, 'incident.opened', ?, ?, ?, ?, now(), now())""")
                .params(id, subscription, UUID.randomUUID(), endpoint, "{}".getBytes(), status, Timestamp.from(due))
                .update();
        return id;
    }
}
