package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A subscription that was failing got a delivery through again; its dead letters from the outage
 * were queued again.
 *
 * @param failingSince when the run of failures began
 * @param redriven     dead letters queued again for delivery
 */
public record DeliveryRecovered(
        UUID eventId,
        UUID subscriptionId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        SubscriptionSnapshot subscription,
        Instant failingSince,
        int redriven) implements DeliveryEvent {

    public DeliveryRecovered {
        Events.requireCommon(eventId, subscriptionId, version, occurredAt, publishedAt);
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(failingSince, "failingSince");
    }

    @Override
    public EventType type() {
        return EventType.DELIVERY_RECOVERED;
    }
}
