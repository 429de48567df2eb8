package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An incident was opened; its first update says what is known. */
public record IncidentOpened(
        UUID eventId,
        UUID incidentId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        IncidentUpdate update,
        IncidentSnapshot incident) implements IncidentEvent, IncidentLifecycleEvent {

    public IncidentOpened {
        Events.requireCommon(eventId, incidentId, version, occurredAt, publishedAt);
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(incident, "incident");
    }

    @Override
    public EventType type() {
        return EventType.INCIDENT_OPENED;
    }
}
