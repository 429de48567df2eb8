package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A resolved incident was reopened. */
public record IncidentReopened(
        UUID eventId,
        UUID incidentId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        IncidentUpdate update,
        IncidentSnapshot incident) implements IncidentEvent, IncidentLifecycleEvent {

    public IncidentReopened {
        Events.requireCommon(eventId, incidentId, version, occurredAt, publishedAt);
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(incident, "incident");
    }

    @Override
    public EventType type() {
        return EventType.INCIDENT_REOPENED;
    }
}
