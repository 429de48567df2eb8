package io.sitrep.notification.delivery;

import io.sitrep.notification.subscription.SubscriptionId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where deliveries and their attempts are kept. Callers bring the transaction. The state changes are those of
 * {@link Delivery}; the store may carry them out in bulk (a claim of many, a batch of successes, a re-drive or a
 * cancellation of a whole subscription's open deliveries in one statement), never differently.
 */
public interface Deliveries {

    /** A delivery to create: pending, due at once. */
    record NewDelivery(DeliveryId id, SubscriptionId subscriptionId, Delivery.Sending sending) {
    }

    /** A delivery with its attempts, as the API shows it. */
    record View(DeliveryId id, UUID eventId, String eventType, DeliveryStatus status, int attemptCount, Instant nextAttemptAt,
                Integer lastStatusCode, String lastError, Instant createdAt, Instant deliveredAt, Instant deadAt,
                List<AttemptView> attempts) {
    }

    /** One attempt, as the API shows it. */
    record AttemptView(int attempt, Instant attemptedAt, AttemptTrigger trigger, Integer statusCode, long durationMs, String error,
                       String responseBody) {
    }

    /** Creates the deliveries, pending and due now, except those whose subscription and event have one already. */
    void insertAll(List<NewDelivery> deliveries, Instant now);

    /**
     * Creates the deliveries, due now and born claimed: under {@code lease}, as a claim would leave them
     * ({@link Delivery.Open#claim}), except those whose subscription and event have one already.
     *
     * @return the ids of those created
     */
    Set<DeliveryId> insertLeased(List<NewDelivery> deliveries, Lease lease, Instant now);

    /**
     * Claims up to {@code limit} due deliveries, oldest due first, skipping those another dispatcher holds (one whose
     * lease expired is due again as it stands, {@link Delivery.Delivering#expire}, and is taken like any other), and no
     * more per endpoint than it has slots free ({@code freeSlots}; {@code slots} for an endpoint not listed,
     * {@code smtpSlots} for email), each under a new lease of length {@code lease}.
     */
    List<Delivery.Delivering> claimDue(int limit, Map<String, Integer> freeSlots, int slots, int smtpSlots, Instant now, Duration lease);

    /** Gives a claimed delivery back without an attempt ({@link Delivery.Delivering#release}), if the lease is still ours. */
    void release(Delivery.Delivering d, Instant dueAt);

    /** Stores the attempt under way of a claimed delivery. */
    void recordAttempt(Delivery.Delivering d, Instant attemptedAt, AttemptResult result);

    /** Stores successful attempts together. */
    void recordAttempts(List<Delivery.Delivering> claimed, List<Instant> attemptedAt, List<AttemptResult> results);

    /**
     * Stores the state a claimed delivery's attempt led to, if the lease is still ours.
     *
     * @return whether the lease was still ours
     */
    boolean settle(Delivery.Delivering d, Delivery next, Instant now);

    /**
     * Stores claimed deliveries as delivered, together, where the lease is still ours.
     *
     * @return for each, whether the lease was still ours
     */
    boolean[] settleDelivered(List<Delivery.Delivered> delivered, List<Delivery.Delivering> claimed);

    /** Cancels a claimed delivery without an attempt, if the lease is still ours. */
    void cancel(Delivery.Delivering d, String reason);

    /** Whether the subscription has a delivery of this event type still to send (pending, failed or being sent). */
    boolean hasOpen(SubscriptionId subscriptionId, String eventType);

    /** Cancels the subscription's deliveries not settled yet (a delivery being sent loses its lease); returns how many. */
    int cancelOpen(SubscriptionId subscriptionId, String reason);

    /**
     * Cancels every unsettled delivery of an incident's events but its deletion's own, so that nothing about a deleted
     * incident goes out after the deletion was consumed; returns how many.
     */
    int cancelOpenOfIncident(UUID incidentId, String reason);

    /** Makes the subscription's unsettled deliveries dead letters ({@link Delivery.Open#abandon}); returns how many. */
    int abandonOpen(SubscriptionId subscriptionId, Instant now, String reason);

    /**
     * Re-drives dead letters of active subscriptions ({@link Delivery.Dead#redrive}).
     *
     * @param subscriptionId only this subscription's, or all when null
     * @param since          only those that died at or after this, or no bound when null
     * @param until          only those that died before this, or no bound when null
     * @param dryRun         count them and change nothing
     * @param trigger        which re-drive, recorded by the first attempt of each
     * @return how many were (or would be) queued
     */
    int redrive(SubscriptionId subscriptionId, Instant since, Instant until, boolean dryRun, AttemptTrigger trigger, Instant now);

    /** The subscription's deliveries, newest first, with their attempts. */
    List<View> list(SubscriptionId subscriptionId, DeliveryStatus status, int limit);

    /** Deliveries due now and not claimed. */
    long countDue(Instant now);

    /** Dead letters. */
    long countDead();
}
