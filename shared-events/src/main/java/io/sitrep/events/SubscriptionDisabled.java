package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A subscription was disabled by notification-service; nothing more is delivered to it.
 *
 * @param reason {@code receiver_gone} (the receiver answered 410 Gone) or {@code failing_too_long}
 *               (every attempt failed for the configured period); more may come, so read it as text
 * @param detail a sentence for people
 */
public record SubscriptionDisabled(
        UUID eventId,
        UUID subscriptionId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        SubscriptionSnapshot subscription,
        String reason,
        String detail) implements DeliveryEvent {

    public SubscriptionDisabled {
        Events.requireCommon(eventId, subscriptionId, version, occurredAt, publishedAt);
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public EventType type() {
        return EventType.SUBSCRIPTION_DISABLED;
    }
}
