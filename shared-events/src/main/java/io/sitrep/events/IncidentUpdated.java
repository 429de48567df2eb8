package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An open incident got an update: a message, and perhaps a new status, impact or component statuses.
 *
 * @param actor who did it: an API key's name, or the person a trusted client acted for; null in events
 *              written before actors were recorded
 */
public record IncidentUpdated(
        UUID eventId,
        UUID incidentId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        IncidentUpdate update,
        IncidentSnapshot incident,
        String actor) implements IncidentEvent, IncidentLifecycleEvent {

    @JsonCreator
    public IncidentUpdated {
        Events.requireCommon(eventId, incidentId, version, occurredAt, publishedAt);
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(incident, "incident");
    }

    /** The event without a recorded actor, as events written before actors were recorded. */
    public IncidentUpdated(UUID eventId, UUID incidentId, long version, Instant occurredAt, Instant publishedAt, IncidentUpdate update,
            IncidentSnapshot incident) {
        this(eventId, incidentId, version, occurredAt, publishedAt, update, incident, null);
    }

    @Override
    public IncidentUpdated withActor(String actor) {
        return new IncidentUpdated(eventId, incidentId, version, occurredAt, publishedAt, update, incident, actor);
    }

    @Override
    public EventType type() {
        return EventType.INCIDENT_UPDATED;
    }
}
