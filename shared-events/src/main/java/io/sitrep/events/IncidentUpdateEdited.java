package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The text of one timeline entry was corrected. The earlier texts are kept as revisions where the incident is
 * written; readers show the latest.
 *
 * @param updateId        the id of the corrected entry ({@link IncidentUpdate#id()})
 * @param message         the corrected text
 * @param previousMessage the text before; null where it is not shown (to public subscribers)
 * @param revision        the entry's revision after the correction: 2 for the first correction
 * @param actor           who corrected it; null when not recorded
 */
public record IncidentUpdateEdited(
        UUID eventId,
        UUID incidentId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        UUID updateId,
        String message,
        String previousMessage,
        int revision,
        IncidentSnapshot incident,
        String actor) implements IncidentEvent {

    public IncidentUpdateEdited {
        Events.requireCommon(eventId, incidentId, version, occurredAt, publishedAt);
        Objects.requireNonNull(updateId, "updateId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(incident, "incident");
        if (revision < 2) {
            throw new IllegalArgumentException("a corrected entry is at revision 2 or more, was " + revision);
        }
    }

    @Override
    public IncidentUpdateEdited withActor(String actor) {
        return new IncidentUpdateEdited(eventId, incidentId, version, occurredAt, publishedAt, updateId, message, previousMessage,
                revision, incident, actor);
    }

    @Override
    public EventType type() {
        return EventType.INCIDENT_UPDATE_EDITED;
    }
}
