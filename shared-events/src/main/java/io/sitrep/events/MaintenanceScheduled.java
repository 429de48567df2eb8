package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;

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
        MaintenanceSnapshot maintenance,
        String actor) implements MaintenanceEvent {

    @JsonCreator
    public MaintenanceScheduled {
        Events.requireCommon(eventId, maintenanceId, version, occurredAt, publishedAt);
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(maintenance, "maintenance");
    }

    /** The event without a recorded actor, as events written before actors were recorded. */
    public MaintenanceScheduled(UUID eventId, UUID maintenanceId, long version, Instant occurredAt, Instant publishedAt,
            MaintenanceUpdate update, MaintenanceSnapshot maintenance) {
        this(eventId, maintenanceId, version, occurredAt, publishedAt, update, maintenance, null);
    }

    @Override
    public MaintenanceScheduled withActor(String actor) {
        return new MaintenanceScheduled(eventId, maintenanceId, version, occurredAt, publishedAt, update, maintenance, actor);
    }

    @Override
    public EventType type() {
        return EventType.MAINTENANCE_SCHEDULED;
    }
}
