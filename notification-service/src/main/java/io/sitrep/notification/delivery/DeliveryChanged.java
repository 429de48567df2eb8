package io.sitrep.notification.delivery;

import io.sitrep.notification.subscription.SubscriptionId;

import java.time.Instant;
import java.util.UUID;

/**
 * What a transition of a {@link Delivery} caused. These stay inside the service: the delivery events of the
 * contract ({@code delivery.exhausted}, …) are published from them, together with the subscription's health.
 */
public sealed interface DeliveryChanged {

    DeliveryId delivery();

    SubscriptionId subscription();

    Instant occurredAt();

    /** Claimed by a dispatcher under a lease. */
    record Claimed(DeliveryId delivery, SubscriptionId subscription, Lease lease, Instant occurredAt) implements DeliveryChanged {
    }

    /** Given back by its dispatcher without an attempt (the endpoint was busy, or its breaker open). */
    record Released(DeliveryId delivery, SubscriptionId subscription, Instant dueAt, Instant occurredAt) implements DeliveryChanged {
    }

    /** Its lease expired mid-send: due again, and sent again with the same webhook-id. */
    record LeaseExpired(DeliveryId delivery, SubscriptionId subscription, Instant occurredAt) implements DeliveryChanged {
    }

    /** An attempt succeeded. */
    record Delivered(DeliveryId delivery, SubscriptionId subscription, int attempt, Integer statusCode, Instant occurredAt)
            implements DeliveryChanged {
    }

    /** An attempt failed; the next is due at {@code nextAttemptAt}. */
    record AttemptFailed(DeliveryId delivery, SubscriptionId subscription, int attempt, String error, Instant nextAttemptAt,
                         Instant occurredAt) implements DeliveryChanged {
    }

    /** The retry schedule is used up: a dead letter. */
    record Exhausted(DeliveryId delivery, SubscriptionId subscription, UUID eventId, String eventType, int attempts, String lastError,
                     Instant occurredAt) implements DeliveryChanged {
    }

    /**
     * The receiver wants nothing more (410 Gone, or a channel's own way of saying it is gone): the subscription is
     * to be disabled.
     *
     * @param http410 whether it said so by a 410
     */
    record ReceiverGone(DeliveryId delivery, SubscriptionId subscription, boolean http410, String error, Instant occurredAt)
            implements DeliveryChanged {
    }

    /** Kept as a dead letter without trying again, because its subscription was disabled. */
    record Abandoned(DeliveryId delivery, SubscriptionId subscription, String reason, Instant occurredAt) implements DeliveryChanged {
    }

    /** Never to be sent. */
    record Cancelled(DeliveryId delivery, SubscriptionId subscription, String reason, Instant occurredAt) implements DeliveryChanged {
    }

    /** A dead letter queued again with a fresh retry schedule. */
    record Redriven(DeliveryId delivery, SubscriptionId subscription, AttemptTrigger trigger, Instant occurredAt) implements DeliveryChanged {
    }
}
