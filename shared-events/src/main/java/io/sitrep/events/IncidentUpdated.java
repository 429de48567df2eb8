package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An open incident got an update: a message, and perhaps a new status, impact or component statuses. */
public record IncidentUpdated(
        UUID eventId,
        UUID incidentId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        IncidentUpdate update,
        IncidentSnapshot incident) implements IncidentEvent, IncidentLifecycleEvent {

    public IncidentUpdated {
        Events.requireCommon(eventId, incidentId, version, occurredAt, publishedAt);
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(incident, "incident");
    }

    @Override
    public EventType type() {
        return EventType.INCIDENT_UPDATED;
    }
}
