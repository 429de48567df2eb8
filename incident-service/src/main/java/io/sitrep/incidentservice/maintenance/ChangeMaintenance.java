package io.sitrep.incidentservice.maintenance;

import java.time.Duration;
import java.time.Instant;

/**
 * Change a scheduled window; every field is optional and null keeps what is there.
 *
 * @param remindBefore a new reminder lead; {@link Duration#ZERO} removes the reminder
 * @param message      an update to post with the change; null posts none
 */
public record ChangeMaintenance(String title, Instant scheduledFor, Instant scheduledUntil, Boolean autoStart,
                                Boolean autoComplete, Duration remindBefore, String message) {
}
