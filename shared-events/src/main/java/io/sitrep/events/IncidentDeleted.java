package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The tombstone of an incident opened by mistake: readers remove it from every read model and public surface,
 * and a rebuild from the log removes it again. No event of the incident follows.
 *
 * @param reason   why it was deleted; null where it is not shown (to public subscribers)
 * @param incident the incident as it stood when deleted
 * @param actor    who deleted it; null when not recorded
 */
public record IncidentDeleted(
        UUID eventId,
        UUID incidentId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        String reason,
        IncidentSnapshot incident,
        String actor) implements IncidentEvent {

    public IncidentDeleted {
        Events.requireCommon(eventId, incidentId, version, occurredAt, publishedAt);
        Objects.requireNonNull(incident, "incident");
    }

    @Override
    public IncidentDeleted withActor(String actor) {
        return new IncidentDeleted(eventId, incidentId, version, occurredAt, publishedAt, reason, incident, actor);
    }

    @Override
    public EventType type() {
        return EventType.INCIDENT_DELETED;
    }
}
