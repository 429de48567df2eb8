package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;

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
        MaintenanceSnapshot maintenance,
        String actor) implements MaintenanceEvent {

    @JsonCreator
    public MaintenanceReminder {
        Events.requireCommon(eventId, maintenanceId, version, occurredAt, publishedAt);
        Objects.requireNonNull(maintenance, "maintenance");
    }

    /** The event without a recorded actor, as events written before actors were recorded. */
    public MaintenanceReminder(UUID eventId, UUID maintenanceId, long version, Instant occurredAt, Instant publishedAt,
            MaintenanceSnapshot maintenance) {
        this(eventId, maintenanceId, version, occurredAt, publishedAt, maintenance, null);
    }

    @Override
    public MaintenanceReminder withActor(String actor) {
        return new MaintenanceReminder(eventId, maintenanceId, version, occurredAt, publishedAt, maintenance, actor);
    }

    @Override
    public EventType type() {
        return EventType.MAINTENANCE_REMINDER;
    }
}
