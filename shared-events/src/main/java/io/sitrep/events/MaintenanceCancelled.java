package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A scheduled maintenance window was cancelled before it started. */
public record MaintenanceCancelled(
        UUID eventId,
        UUID maintenanceId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        MaintenanceUpdate update,
        MaintenanceSnapshot maintenance) implements MaintenanceEvent {

    public MaintenanceCancelled {
        Events.requireCommon(eventId, maintenanceId, version, occurredAt, publishedAt);
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(maintenance, "maintenance");
    }

    @Override
    public EventType type() {
        return EventType.MAINTENANCE_CANCELLED;
    }
}
