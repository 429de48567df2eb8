package io.sitrep.incidentservice.incident;

import io.sitrep.events.IncidentSnapshot;
import io.sitrep.events.IncidentUpdate;

import java.time.Instant;
import java.util.List;

/**
 * An incident with what was said about it, for reading.
 *
 * @param updates     the newest updates asked for, in version order
 * @param updateCount how many updates the incident has in all, so more than {@code updates} holds when some are left out
 * @param postmortem  null until one is published
 */
public record IncidentDetails(IncidentSnapshot incident, List<TimelineEntry> updates, long updateCount, PublishedPostmortem postmortem) {

    /**
     * One update of the timeline, in version order.
     *
     * @param actor    who posted it; null for updates posted before actors were recorded
     * @param revision 1, raised by each correction of its text
     */
    public record TimelineEntry(long version, Instant occurredAt, Instant publishedAt, IncidentUpdate update, String actor, int revision) {
    }

    /**
     * An earlier text of an update, replaced by a correction.
     *
     * @param replacedBy who corrected it; null when not recorded
     * @param replacedAt when the correction replaced it
     */
    public record Revision(int revision, String message, String replacedBy, Instant replacedAt) {
    }

    /** The current revision of the postmortem. */
    public record PublishedPostmortem(int revision, String body, Instant publishedAt) {
    }
}
