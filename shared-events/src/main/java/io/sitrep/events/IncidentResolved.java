package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An incident was resolved. */
public record IncidentResolved(
        UUID eventId,
        UUID incidentId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        IncidentUpdate update,
        IncidentSnapshot incident) implements IncidentEvent, IncidentLifecycleEvent {

    public IncidentResolved {
        Events.requireCommon(eventId, incidentId, version, occurredAt, publishedAt);
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(incident, "incident");
    }

    @Override
    public EventType type() {
        return EventType.INCIDENT_RESOLVED;
    }
}
