package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A subscription's deliveries have failed several times in a row; it is reported once per run of
 * failures, and {@link DeliveryRecovered} ends the run.
 *
 * @param deliveryId          the delivery whose failed attempt crossed the threshold
 * @param consecutiveFailures failed attempts in a row to this subscription so far
 * @param failingSince        when the first failed attempt of this run was made
 * @param lastError           what the last attempt got, e.g. {@code HTTP 503} or {@code connect timed out}
 */
public record DeliveryFailing(
        UUID eventId,
        UUID subscriptionId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        SubscriptionSnapshot subscription,
        UUID deliveryId,
        int consecutiveFailures,
        Instant failingSince,
        String lastError) implements DeliveryEvent {

    public DeliveryFailing {
        Events.requireCommon(eventId, subscriptionId, version, occurredAt, publishedAt);
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(failingSince, "failingSince");
        Objects.requireNonNull(lastError, "lastError");
    }

    @Override
    public EventType type() {
        return EventType.DELIVERY_FAILING;
    }
}
