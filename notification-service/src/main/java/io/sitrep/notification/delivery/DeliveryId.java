package io.sitrep.notification.delivery;

import java.util.Objects;
import java.util.UUID;

/** The id of a delivery; also the {@code webhook-id} of every attempt, so that a receiver can drop duplicates. */
public record DeliveryId(UUID value) {

    public DeliveryId {
        Objects.requireNonNull(value, "value");
    }

    public static DeliveryId random() {
        return new DeliveryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
