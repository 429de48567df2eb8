package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;

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
        MaintenanceSnapshot maintenance,
        String actor) implements MaintenanceEvent {

    @JsonCreator
    public MaintenanceStarted {
        Events.requireCommon(eventId, maintenanceId, version, occurredAt, publishedAt);
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(maintenance, "maintenance");
    }

    /** The event without a recorded actor, as events written before actors were recorded. */
    public MaintenanceStarted(UUID eventId, UUID maintenanceId, long version, Instant occurredAt, Instant publishedAt,
            MaintenanceUpdate update, boolean automatic, MaintenanceSnapshot maintenance) {
        this(eventId, maintenanceId, version, occurredAt, publishedAt, update, automatic, maintenance, null);
    }

    @Override
    public MaintenanceStarted withActor(String actor) {
        return new MaintenanceStarted(eventId, maintenanceId, version, occurredAt, publishedAt, update, automatic, maintenance, actor);
    }

    @Override
    public EventType type() {
        return EventType.MAINTENANCE_STARTED;
    }
}
