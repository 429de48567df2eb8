package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;

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
        MaintenanceSnapshot maintenance,
        String actor) implements MaintenanceEvent {

    @JsonCreator
    public MaintenanceCancelled {
        Events.requireCommon(eventId, maintenanceId, version, occurredAt, publishedAt);
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(maintenance, "maintenance");
    }

    /** The event without a recorded actor, as events written before actors were recorded. */
    public MaintenanceCancelled(UUID eventId, UUID maintenanceId, long version, Instant occurredAt, Instant publishedAt,
            MaintenanceUpdate update, MaintenanceSnapshot maintenance) {
        this(eventId, maintenanceId, version, occurredAt, publishedAt, update, maintenance, null);
    }

    @Override
    public MaintenanceCancelled withActor(String actor) {
        return new MaintenanceCancelled(eventId, maintenanceId, version, occurredAt, publishedAt, update, maintenance, actor);
    }

    @Override
    public EventType type() {
        return EventType.MAINTENANCE_CANCELLED;
    }
}
