package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A delivery used up its retry schedule and became a dead letter; it can be re-driven.
 *
 * @param deliveryId      the delivery
 * @param sourceEventId   the id of the event the delivery carried
 * @param sourceEventType the type of the event the delivery carried, e.g. {@code incident.updated}
 * @param attempts        attempts made
 * @param lastError       what the last attempt got
 */
public record DeliveryExhausted(
        UUID eventId,
        UUID subscriptionId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        SubscriptionSnapshot subscription,
        UUID deliveryId,
        UUID sourceEventId,
        String sourceEventType,
        int attempts,
        String lastError) implements DeliveryEvent {

    public DeliveryExhausted {
        Events.requireCommon(eventId, subscriptionId, version, occurredAt, publishedAt);
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(sourceEventType, "sourceEventType");
        Objects.requireNonNull(lastError, "lastError");
    }

    @Override
    public EventType type() {
        return EventType.DELIVERY_EXHAUSTED;
    }
}
