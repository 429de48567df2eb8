package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A maintenance window changed: an update was posted (perhaps moving it between {@code in_progress} and
 * {@code verifying}), or its window, title or components changed while it was scheduled.
 *
 * @param update the update posted; null when the window, title or components changed without a message
 */
public record MaintenanceUpdated(
        UUID eventId,
        UUID maintenanceId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        MaintenanceUpdate update,
        MaintenanceSnapshot maintenance) implements MaintenanceEvent {

    public MaintenanceUpdated {
        Events.requireCommon(eventId, maintenanceId, version, occurredAt, publishedAt);
        Objects.requireNonNull(maintenance, "maintenance");
    }

    @Override
    public EventType type() {
        return EventType.MAINTENANCE_UPDATED;
    }
}
