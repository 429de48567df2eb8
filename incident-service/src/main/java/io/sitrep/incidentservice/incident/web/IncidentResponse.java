package io.sitrep.incidentservice.incident.web;

import io.sitrep.events.AffectedComponent;
import io.sitrep.events.ComponentChange;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentSnapshot;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.Visibility;
import io.sitrep.incidentservice.incident.IncidentDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident with its timeline of updates, oldest first, and its postmortem. Only the newest
 * updates are embedded ({@code sitrep.api.embedded-updates}, 100); {@code updateCount} says how many
 * there are and {@code updatesLink} pages through all of them.
 *
 * @param version     raised by every change; the ETag, for If-Match
 * @param resolvedAt  null while open
 * @param updates     the newest updates, oldest of them first
 * @param postmortem  null until published
 * @param updateCount how many updates the incident has; more than {@code updates} holds when older ones are left out
 * @param updatesLink the first page of all its updates, oldest first
 * @param visibility  public, or internal: only authenticated readers and subscriptions that include internal incidents see it
 */
record IncidentResponse(
        UUID id,
        String title,
        IncidentStatus status,
        Impact impact,
        long version,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant resolvedAt,
        List<AffectedComponent> components,
        List<Update> updates,
        @Nullable Postmortem postmortem,
        long updateCount,
        String updatesLink,
        Visibility visibility) {

    /**
     * One update: what was said, and the status, impact and component statuses it set.
     *
     * @param actor    who posted it: an API key's name, or the person a trusted client acted for; null for updates
     *                 posted before actors were recorded
     * @param revision 1, raised by each correction of the message; the earlier texts are under {@code revisions}
     */
    @Schema(name = "IncidentTimelineUpdate")
    record Update(UUID id, long version, IncidentStatus status, Impact impact, String message, Instant occurredAt,
                  Instant publishedAt, List<ComponentChange> componentChanges, String actor, int revision) {

        static Update of(IncidentDetails.TimelineEntry e) {
            return new Update(e.update().id(), e.version(), e.update().status(), e.update().impact(), e.update().message(),
                    e.occurredAt(), e.publishedAt(), e.update().componentChanges(), e.actor(), e.revision());
        }
    }

    /** The current revision of the postmortem. */
    record Postmortem(int revision, String body, Instant publishedAt) {
    }

    static IncidentResponse of(IncidentDetails details) {
        IncidentSnapshot s = details.incident();
        List<Update> updates = details.updates().stream().map(Update::of).toList();
        Postmortem postmortem = details.postmortem() == null ? null
                : new Postmortem(details.postmortem().revision(), details.postmortem().body(), details.postmortem().publishedAt());
        return new IncidentResponse(s.id(), s.title(), s.status(), s.impact(), s.version(), s.createdAt(), s.updatedAt(),
                s.resolvedAt(), s.components(), updates, postmortem, details.updateCount(), UpdatePage.link(s.id(), null, null),
                s.visibility());
    }
}
