package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The postmortem of a resolved incident was published, or revised (revision 2, 3, …). */
public record PostmortemPublished(
        UUID eventId,
        UUID incidentId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        Postmortem postmortem,
        IncidentSnapshot incident) implements IncidentEvent {

    public PostmortemPublished {
        Events.requireCommon(eventId, incidentId, version, occurredAt, publishedAt);
        Objects.requireNonNull(postmortem, "postmortem");
        Objects.requireNonNull(incident, "incident");
    }

    @Override
    public EventType type() {
        return EventType.POSTMORTEM_PUBLISHED;
    }
}
