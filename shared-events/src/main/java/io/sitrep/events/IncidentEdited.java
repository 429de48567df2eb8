package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An incident was renamed or re-rated: a correction, which adds no timeline entry and notifies only the
 * webhooks that ask for it by type.
 *
 * @param previousTitle  the title before the correction
 * @param previousImpact the impact before the correction
 * @param actor          who corrected it; null when not recorded
 */
public record IncidentEdited(
        UUID eventId,
        UUID incidentId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        String previousTitle,
        Impact previousImpact,
        IncidentSnapshot incident,
        String actor) implements IncidentEvent {

    public IncidentEdited {
        Events.requireCommon(eventId, incidentId, version, occurredAt, publishedAt);
        Objects.requireNonNull(previousTitle, "previousTitle");
        Objects.requireNonNull(previousImpact, "previousImpact");
        Objects.requireNonNull(incident, "incident");
    }

    @Override
    public IncidentEdited withActor(String actor) {
        return new IncidentEdited(eventId, incidentId, version, occurredAt, publishedAt, previousTitle, previousImpact, incident, actor);
    }

    @Override
    public EventType type() {
        return EventType.INCIDENT_EDITED;
    }
}
