package io.sitrep.incidentservice.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What makes a planned window acceptable: it ends after it starts, starts no more than
 * {@link #pastTolerance()} ago, and lasts at most {@link #maxWindow()}.
 */
public record WindowRules(Duration maxWindow, Duration pastTolerance) {

    /** A start a minute in the past is forgiven: the request may have taken that long to write. */
    public static final Duration DEFAULT_PAST_TOLERANCE = Duration.ofMinutes(1);

    public WindowRules {
        Objects.requireNonNull(maxWindow, "maxWindow");
        Objects.requireNonNull(pastTolerance, "pastTolerance");
    }

    /** Fails with the field at fault unless {@code scheduledFor}–{@code scheduledUntil} is acceptable at {@code now}. */
    public void check(Instant scheduledFor, Instant scheduledUntil, Duration remindBefore, Instant now) {
        if (scheduledFor.isBefore(now.minus(pastTolerance))) {
            throw new InvalidMaintenanceWindow("scheduledFor", "must not lie more than " + pastTolerance.toSeconds()
                    + " s in the past; it is " + scheduledFor + ", now is " + now);
        }
        if (!scheduledUntil.isAfter(scheduledFor)) {
            throw new InvalidMaintenanceWindow("scheduledUntil", "must be after scheduledFor (" + scheduledFor + ")");
        }
        if (Duration.between(scheduledFor, scheduledUntil).compareTo(maxWindow) > 0) {
            throw new InvalidMaintenanceWindow("scheduledUntil", "the window may last at most " + maxWindow
                    + " (sitrep.maintenance.max-window); it lasts " + Duration.between(scheduledFor, scheduledUntil));
        }
        if (remindBefore != null && (remindBefore.isNegative() || remindBefore.isZero())) {
            throw new InvalidMaintenanceWindow("remindBefore", "must be a positive ISO-8601 duration such as PT1H");
        }
        if (remindBefore != null && remindBefore.compareTo(maxWindow) > 0) {
            throw new InvalidMaintenanceWindow("remindBefore", "may be at most " + maxWindow);
        }
    }
}
