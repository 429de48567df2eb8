package io.sitrep.notification.subscription;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits subscription commands keep, from the settings of the channels they concern.
 *
 * @param rotationOverlap      how long a webhook's previous secret still signs after a rotation
 * @param confirmationsPerHour the most confirmation emails one address gets in an hour
 */
public record SubscriptionLimits(Duration rotationOverlap, int confirmationsPerHour) {

    public SubscriptionLimits {
        Objects.requireNonNull(rotationOverlap, "rotationOverlap");
        if (confirmationsPerHour < 1) {
            throw new IllegalArgumentException("confirmationsPerHour must be at least 1");
        }
    }
}
