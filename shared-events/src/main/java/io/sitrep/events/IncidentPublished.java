package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An internal incident was made public. Its update is the first entry the public sees, written for
 * customers; what was recorded while it was internal stays internal. Subscribers hear of it as of an
 * incident that has just opened.
 *
 * @param previousTitle the title it had while internal (often an alert's name); equal to the snapshot's
 *                      title when the publish kept it
 * @param actor         who published it: an API key's name, or the person a trusted client acted for
 */
public record IncidentPublished(
        UUID eventId,
        UUID incidentId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        String previousTitle,
        IncidentUpdate update,
        IncidentSnapshot incident,
        String actor) implements IncidentEvent, IncidentLifecycleEvent {

    public IncidentPublished {
        Events.requireCommon(eventId, incidentId, version, occurredAt, publishedAt);
        Objects.requireNonNull(previousTitle, "previousTitle");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(incident, "incident");
        if (!incident.isPublic()) {
            throw new IllegalArgumentException("a published incident is public");
        }
    }

    @Override
    public IncidentPublished withActor(String actor) {
        return new IncidentPublished(eventId, incidentId, version, occurredAt, publishedAt, previousTitle, update, incident, actor);
    }

    @Override
    public EventType type() {
        return EventType.INCIDENT_PUBLISHED;
    }
}
