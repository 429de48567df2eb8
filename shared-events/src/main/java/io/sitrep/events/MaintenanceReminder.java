package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A scheduled maintenance window starts in {@code remindBefore}: published once, ahead of its start. */
public record MaintenanceReminder(
        UUID eventId,
        UUID maintenanceId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        MaintenanceSnapshot maintenance) implements MaintenanceEvent {

    public MaintenanceReminder {
        Events.requireCommon(eventId, maintenanceId, version, occurredAt, publishedAt);
        Objects.requireNonNull(maintenance, "maintenance");
    }

    @Override
    public EventType type() {
        return EventType.MAINTENANCE_REMINDER;
    }
}
