package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The postmortem of a resolved incident was published, or revised (revision 2, 3, …).
 *
 * @param actor who did it: an API key's name, or the person a trusted client acted for; null in events
 *              written before actors were recorded
 */
public record PostmortemPublished(
        UUID eventId,
        UUID incidentId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        Postmortem postmortem,
        IncidentSnapshot incident,
        String actor) implements IncidentEvent {

    @JsonCreator
    public PostmortemPublished {
        Events.requireCommon(eventId, incidentId, version, occurredAt, publishedAt);
        Objects.requireNonNull(postmortem, "postmortem");
        Objects.requireNonNull(incident, "incident");
    }

    /** The event without a recorded actor, as events written before actors were recorded. */
    public PostmortemPublished(UUID eventId, UUID incidentId, long version, Instant occurredAt, Instant publishedAt, Postmortem postmortem,
            IncidentSnapshot incident) {
        this(eventId, incidentId, version, occurredAt, publishedAt, postmortem, incident, null);
    }

    @Override
    public PostmortemPublished withActor(String actor) {
        return new PostmortemPublished(eventId, incidentId, version, occurredAt, publishedAt, postmortem, incident, actor);
    }

    @Override
    public EventType type() {
        return EventType.POSTMORTEM_PUBLISHED;
    }
}
