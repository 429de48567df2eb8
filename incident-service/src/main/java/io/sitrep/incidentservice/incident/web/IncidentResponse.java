package io.sitrep.incidentservice.incident.web;

import io.sitrep.events.AffectedComponent;
import io.sitrep.events.ComponentChange;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentSnapshot;
import io.sitrep.events.IncidentStatus;
import io.sitrep.incidentservice.incident.IncidentDetails;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident with its timeline of updates, oldest first, and its postmortem.
 *
 * @param version    raised by every change; the ETag, for If-Match
 * @param resolvedAt null while open
 * @param postmortem null until published
 */
record IncidentResponse(
        UUID id,
        String title,
        IncidentStatus status,
        Impact impact,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant resolvedAt,
        List<AffectedComponent> components,
        List<Update> updates,
        Postmortem postmortem) {

    /** One update: what was said, and the status, impact and component statuses it set. */
    record Update(UUID id, long version, IncidentStatus status, Impact impact, String message, Instant occurredAt,
                  Instant publishedAt, List<ComponentChange> componentChanges) {
    }

    /** The current revision of the postmortem. */
    record Postmortem(int revision, String body, Instant publishedAt) {
    }

    static IncidentResponse of(IncidentDetails details) {
        IncidentSnapshot s = details.incident();
        List<Update> updates = details.updates().stream()
                .map(e -> new Update(e.update().id(), e.version(), e.update().status(), e.update().impact(), e.update().message(),
                        e.occurredAt(), e.publishedAt(), e.update().componentChanges()))
                .toList();
        Postmortem postmortem = details.postmortem() == null ? null
                : new Postmortem(details.postmortem().revision(), details.postmortem().body(), details.postmortem().publishedAt());
        return new IncidentResponse(s.id(), s.title(), s.status(), s.impact(), s.version(), s.createdAt(), s.updatedAt(),
                s.resolvedAt(), s.components(), updates, postmortem);
    }
}
