package io.sitrep.notification.subscription;

import java.util.Objects;
import java.util.UUID;

/** The id of a subscription. */
public record SubscriptionId(UUID value) {

    public SubscriptionId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
