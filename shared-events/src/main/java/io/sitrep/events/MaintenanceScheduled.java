package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A maintenance window was scheduled; its first update says what will be done. */
public record MaintenanceScheduled(
        UUID eventId,
        UUID maintenanceId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        MaintenanceUpdate update,
        MaintenanceSnapshot maintenance) implements MaintenanceEvent {

    public MaintenanceScheduled {
        Events.requireCommon(eventId, maintenanceId, version, occurredAt, publishedAt);
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(maintenance, "maintenance");
    }

    @Override
    public EventType type() {
        return EventType.MAINTENANCE_SCHEDULED;
    }
}
