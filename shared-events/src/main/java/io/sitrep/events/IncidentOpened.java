package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An incident was opened; its first update says what is known.
 *
 * @param actor who did it: an API key's name, or the person a trusted client acted for; null in events
 *              written before actors were recorded
 */
public record IncidentOpened(
        UUID eventId,
        UUID incidentId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        IncidentUpdate update,
        IncidentSnapshot incident,
        String actor) implements IncidentEvent, IncidentLifecycleEvent {

    @JsonCreator
    public IncidentOpened {
        Events.requireCommon(eventId, incidentId, version, occurredAt, publishedAt);
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(incident, "incident");
    }

    /** The event without a recorded actor, as events written before actors were recorded. */
    public IncidentOpened(UUID eventId, UUID incidentId, long version, Instant occurredAt, Instant publishedAt, IncidentUpdate update,
            IncidentSnapshot incident) {
        this(eventId, incidentId, version, occurredAt, publishedAt, update, incident, null);
    }

    @Override
    public IncidentOpened withActor(String actor) {
        return new IncidentOpened(eventId, incidentId, version, occurredAt, publishedAt, update, incident, actor);
    }

    @Override
    public EventType type() {
        return EventType.INCIDENT_OPENED;
    }
}
