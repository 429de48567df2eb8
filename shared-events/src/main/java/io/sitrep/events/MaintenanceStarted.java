package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A maintenance window started: by hand, or by itself at {@code scheduledFor} ({@code automatic}). */
public record MaintenanceStarted(
        UUID eventId,
        UUID maintenanceId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        MaintenanceUpdate update,
        boolean automatic,
        MaintenanceSnapshot maintenance) implements MaintenanceEvent {

    public MaintenanceStarted {
        Events.requireCommon(eventId, maintenanceId, version, occurredAt, publishedAt);
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(maintenance, "maintenance");
    }

    @Override
    public EventType type() {
        return EventType.MAINTENANCE_STARTED;
    }
}
