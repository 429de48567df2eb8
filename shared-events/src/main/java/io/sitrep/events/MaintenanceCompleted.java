package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A maintenance window was completed: by hand, or by itself at {@code scheduledUntil} ({@code automatic}). */
public record MaintenanceCompleted(
        UUID eventId,
        UUID maintenanceId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        MaintenanceUpdate update,
        boolean automatic,
        MaintenanceSnapshot maintenance,
        String actor) implements MaintenanceEvent {

    @JsonCreator
    public MaintenanceCompleted {
        Events.requireCommon(eventId, maintenanceId, version, occurredAt, publishedAt);
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(maintenance, "maintenance");
    }

    /** The event without a recorded actor, as events written before actors were recorded. */
    public MaintenanceCompleted(UUID eventId, UUID maintenanceId, long version, Instant occurredAt, Instant publishedAt,
            MaintenanceUpdate update, boolean automatic, MaintenanceSnapshot maintenance) {
        this(eventId, maintenanceId, version, occurredAt, publishedAt, update, automatic, maintenance, null);
    }

    @Override
    public MaintenanceCompleted withActor(String actor) {
        return new MaintenanceCompleted(eventId, maintenanceId, version, occurredAt, publishedAt, update, automatic, maintenance, actor);
    }

    @Override
    public EventType type() {
        return EventType.MAINTENANCE_COMPLETED;
    }
}
