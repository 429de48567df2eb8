package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a maintenance window's timeline: what was said, and the status it left the window in.
 *
 * @param previousStatus the status before this update; null for the scheduling update
 * @param message what the update tells users (Markdown), as shown on the status page and in notifications
 */
public record MaintenanceUpdate(
        UUID id,
        MaintenanceStatus status,
        @Nullable MaintenanceStatus previousStatus,
        String message,
        Instant createdAt) {

    public MaintenanceUpdate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
