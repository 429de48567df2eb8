package io.sitrep.events;

import java.util.UUID;

/**
 * An operational event of one subscription's deliveries, published by notification-service on
 * {@code sitrep.delivery-events}; it carries a snapshot of the subscription. A subscription's events
 * are numbered 1, 2, 3, … by {@link #version()}.
 */
public sealed interface DeliveryEvent extends SitrepEvent
        permits DeliveryFailing, DeliveryExhausted, DeliveryRecovered, SubscriptionDisabled {

    UUID subscriptionId();

    /** The subscription as it stands after this event. */
    SubscriptionSnapshot subscription();

    @Override
    default String aggregateId() {
        return subscriptionId().toString();
    }
}
