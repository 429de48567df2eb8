package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;

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
        MaintenanceSnapshot maintenance,
        String actor) implements MaintenanceEvent {

    @JsonCreator
    public MaintenanceUpdated {
        Events.requireCommon(eventId, maintenanceId, version, occurredAt, publishedAt);
        Objects.requireNonNull(maintenance, "maintenance");
    }

    /** The event without a recorded actor, as events written before actors were recorded. */
    public MaintenanceUpdated(UUID eventId, UUID maintenanceId, long version, Instant occurredAt, Instant publishedAt,
            MaintenanceUpdate update, MaintenanceSnapshot maintenance) {
        this(eventId, maintenanceId, version, occurredAt, publishedAt, update, maintenance, null);
    }

    @Override
    public MaintenanceUpdated withActor(String actor) {
        return new MaintenanceUpdated(eventId, maintenanceId, version, occurredAt, publishedAt, update, maintenance, actor);
    }

    @Override
    public EventType type() {
        return EventType.MAINTENANCE_UPDATED;
    }
}
