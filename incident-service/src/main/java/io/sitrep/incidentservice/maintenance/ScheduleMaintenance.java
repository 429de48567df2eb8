package io.sitrep.incidentservice.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Schedule a maintenance window.
 *
 * @param message      what will be done, the first update of the window's timeline
 * @param remindBefore how long ahead of the start a reminder is published; null for none
 */
public record ScheduleMaintenance(String title, String message, Instant scheduledFor, Instant scheduledUntil,
                                  boolean autoStart, boolean autoComplete, Duration remindBefore) {

    public ScheduleMaintenance {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(scheduledFor, "scheduledFor");
        Objects.requireNonNull(scheduledUntil, "scheduledUntil");
    }
}
