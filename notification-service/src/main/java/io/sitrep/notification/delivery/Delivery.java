package io.sitrep.notification.delivery;

import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.support.tracing.StoredTrace;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One event (or one email of the service's own) on its way to one subscription, in the state it is in; each state
 * is a type, and a state offers only the transitions it allows. A delivery waits ({@link Pending}), is sent by one
 * dispatcher under a lease ({@link Delivering}), and after the attempt is {@link Delivered}, {@link Failed} with
 * its next attempt, {@link Dead} once the retry schedule is used up, or {@link Cancelled}. A dead letter may be
 * re-driven: pending again, with a fresh schedule. Every transition answers the new state and what it caused.
 *
 * <p>{@code attemptCount} counts the attempts of the delivery's whole life (attempt numbers go on across
 * re-drives); {@code roundAttempts} those since it was queued or re-driven, which the retry schedule counts.
 */
public sealed interface Delivery permits Delivery.Open, Delivery.Delivering, Delivery.Delivered, Delivery.Dead, Delivery.Cancelled {

    DeliveryId id();

    SubscriptionId subscriptionId();

    int attemptCount();

    int roundAttempts();

    /** The state's name, as the API and the database spell it. */
    default DeliveryStatus status() {
        if (this instanceof Pending) {
            return DeliveryStatus.PENDING;
        }
        if (this instanceof Delivering) {
            return DeliveryStatus.DELIVERING;
        }
        if (this instanceof Failed) {
            return DeliveryStatus.FAILED;
        }
        if (this instanceof Delivered) {
            return DeliveryStatus.DELIVERED;
        }
        return this instanceof Dead ? DeliveryStatus.DEAD : DeliveryStatus.CANCELLED;
    }

    /** A new delivery, due at once: pending, never attempted. */
    static Pending queue(DeliveryId id, SubscriptionId subscriptionId, Instant now) {
        return new Pending(id, subscriptionId, 0, 0, now, AttemptTrigger.SCHEDULED);
    }

    /** A state and what the transition to it caused. */
    record Transition<S extends Delivery>(S state, List<DeliveryChanged> events) {

        public Transition {
            Objects.requireNonNull(state, "state");
            events = List.copyOf(events);
        }

        static <S extends Delivery> Transition<S> of(S state, DeliveryChanged event) {
            return new Transition<>(state, List.of(event));
        }
    }

    /** A state from which the delivery is still to be sent. */
    sealed interface Open extends Delivery permits Pending, Failed {

        /** When it is due. */
        Instant dueAt();

        /** What its next attempt is started by. */
        AttemptTrigger trigger();

        /**
         * Claims it for one dispatcher under {@code lease}.
         *
         * @param sending what the attempt sends, as stored with the delivery
         */
        default Transition<Delivering> claim(Sending sending, Lease lease, Instant now) {
            if (dueAt().isAfter(now)) {
                throw new IllegalStateException("delivery " + id() + " is not due before " + dueAt());
            }
            return Transition.of(new Delivering(id(), subscriptionId(), attemptCount(), roundAttempts(), sending, lease, trigger()),
                    new DeliveryChanged.Claimed(id(), subscriptionId(), lease, now));
        }

        /** It will never be sent. */
        default Transition<Cancelled> cancel(String reason, Instant now) {
            return cancelled(this, reason, now);
        }

        /** Its subscription was disabled for failing too long: kept as a dead letter, to be re-driven later. */
        default Transition<Dead> abandon(String reason, Instant now) {
            Integer lastStatusCode = this instanceof Failed failed ? failed.lastStatusCode() : null;
            return Transition.of(new Dead(id(), subscriptionId(), attemptCount(), roundAttempts(), lastStatusCode, reason, now),
                    new DeliveryChanged.Abandoned(id(), subscriptionId(), reason, now));
        }
    }

    /**
     * What an attempt of the delivery sends, the same bytes each time.
     *
     * @param trace the trace it was created in (the consumer's span of the event, or the request that asked for a
     *              confirmation email), which every attempt continues
     */
    record Sending(UUID eventId, String eventType, String endpoint, byte[] payload, Instant publishedAt, StoredTrace trace) {

        public Sending {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(publishedAt, "publishedAt");
            Objects.requireNonNull(trace, "trace");
        }
    }

    /**
     * Waiting for its first attempt of the round (a new delivery, or a dead letter re-driven).
     *
     * @param trigger what starts that attempt: the schedule, or the re-drive that queued it again
     */
    record Pending(DeliveryId id, SubscriptionId subscriptionId, int attemptCount, int roundAttempts, Instant dueAt, AttemptTrigger trigger)
            implements Open {

        public Pending {
            Objects.requireNonNull(trigger, "trigger");
        }
    }

    /** Its last attempt failed; the next is due at {@code dueAt}, by the schedule. */
    record Failed(DeliveryId id, SubscriptionId subscriptionId, int attemptCount, int roundAttempts, Instant dueAt, Integer lastStatusCode,
                  String lastError) implements Open {

        @Override
        public AttemptTrigger trigger() {
            return AttemptTrigger.SCHEDULED;
        }
    }

    /**
     * Being sent by the dispatcher holding {@code lease}.
     *
     * @param trigger what started the attempt under way
     */
    record Delivering(DeliveryId id, SubscriptionId subscriptionId, int attemptCount, int roundAttempts, Sending sending, Lease lease,
                      AttemptTrigger trigger) implements Delivery {

        public Delivering {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(subscriptionId, "subscriptionId");
            Objects.requireNonNull(sending, "sending");
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(trigger, "trigger");
        }

        /** The number the attempt under way gets. */
        public int attempt() {
            return attemptCount + 1;
        }

        /**
         * Records what the attempt got: delivered on success; cancelled when the receiver is gone (and the
         * subscription is to be disabled); else failed with its next attempt per the policy, or dead when the
         * schedule is used up.
         */
        public Transition<Delivery> record(AttemptResult result, RetryPolicy policy, Clock clock) {
            Instant now = clock.instant();
            int attempt = attempt();
            int round = roundAttempts + 1;
            return switch (result.verdict()) {
                case DELIVERED -> Transition.of(new Delivered(id, subscriptionId, attempt, round, result.statusCode(), now),
                        new DeliveryChanged.Delivered(id, subscriptionId, attempt, result.statusCode(), now));
                case GONE -> {
                    boolean http410 = !result.gone();
                    String reason = http410 ? "the receiver answered 410 Gone" : "the receiver is gone: " + result.error();
                    yield new Transition<>(new Cancelled(id, subscriptionId, attempt, round, result.statusCode(), reason),
                            List.of(new DeliveryChanged.ReceiverGone(id, subscriptionId, http410, result.error(), now)));
                }
                case RETRY -> policy.nextAttempt(round, result.retryAfter(), now)
                        .<Transition<Delivery>>map(next -> Transition.of(
                                new Failed(id, subscriptionId, attempt, round, next, result.statusCode(), result.error()),
                                new DeliveryChanged.AttemptFailed(id, subscriptionId, attempt, result.error(), next, now)))
                        .orElseGet(() -> Transition.of(new Dead(id, subscriptionId, attempt, round, result.statusCode(), result.error(), now),
                                new DeliveryChanged.Exhausted(id, subscriptionId, sending.eventId(), sending.eventType(), attempt,
                                        result.error(), now)));
            };
        }

        /** Given back without an attempt, due again at {@code dueAt}; no attempt is spent. */
        public Transition<Open> release(Instant dueAt, Instant now) {
            return Transition.of(reopen(dueAt), new DeliveryChanged.Released(id, subscriptionId, dueAt, now));
        }

        /** Its lease expired: its dispatcher died or stalled mid-send. Due at once, and sent again with the same webhook-id. */
        public Transition<Open> expire(Instant now) {
            if (!lease.expiredAt(now)) {
                throw new IllegalStateException("the lease of delivery " + id + " holds until " + lease.until());
            }
            return Transition.of(reopen(now), new DeliveryChanged.LeaseExpired(id, subscriptionId, now));
        }

        /** It will never be sent (its subscription is no longer active, say); the attempt under way, if any, is not recorded. */
        public Transition<Cancelled> cancel(String reason, Instant now) {
            return cancelled(this, reason, now);
        }

        /** Given back or expired, it keeps what started it: the attempt it is due for was never made. */
        private Open reopen(Instant dueAt) {
            return roundAttempts > 0 ? new Failed(id, subscriptionId, attemptCount, roundAttempts, dueAt, null, null)
                    : new Pending(id, subscriptionId, attemptCount, roundAttempts, dueAt, trigger);
        }
    }

    /** Delivered; final. */
    record Delivered(DeliveryId id, SubscriptionId subscriptionId, int attemptCount, int roundAttempts, Integer statusCode,
                     Instant deliveredAt) implements Delivery {
    }

    /** A dead letter: its retry schedule was used up, or its subscription was disabled for failing too long. */
    record Dead(DeliveryId id, SubscriptionId subscriptionId, int attemptCount, int roundAttempts, Integer lastStatusCode, String lastError,
                Instant deadAt) implements Delivery {

        /**
         * Queued again, due at once, with a fresh retry schedule; the attempt numbers go on.
         *
         * @param trigger which re-drive: one asked for, or that of a recovering subscription
         */
        public Transition<Pending> redrive(AttemptTrigger trigger, Instant now) {
            if (trigger == AttemptTrigger.SCHEDULED) {
                throw new IllegalArgumentException("a re-drive is manual or automatic");
            }
            return Transition.of(new Pending(id, subscriptionId, attemptCount, 0, now, trigger),
                    new DeliveryChanged.Redriven(id, subscriptionId, trigger, now));
        }
    }

    /** Never to be sent: its subscription was deleted, unsubscribed or disabled, or the receiver said it is gone; final. */
    record Cancelled(DeliveryId id, SubscriptionId subscriptionId, int attemptCount, int roundAttempts, Integer lastStatusCode, String reason)
            implements Delivery {
    }

    private static Transition<Cancelled> cancelled(Delivery d, String reason, Instant now) {
        return Transition.of(new Cancelled(d.id(), d.subscriptionId(), d.attemptCount(), d.roundAttempts(), null, reason),
                new DeliveryChanged.Cancelled(d.id(), d.subscriptionId(), reason, now));
    }
}
