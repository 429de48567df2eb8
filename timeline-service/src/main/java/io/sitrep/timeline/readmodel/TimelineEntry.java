package io.sitrep.timeline.readmodel;

import io.sitrep.events.ComponentChange;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.Visibility;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of an incident's timeline: an update as the lifecycle event that carried it told it.
 *
 * @param type           the event's wire type, e.g. {@code incident.updated}
 * @param previousStatus null for the opening entry
 * @param previousImpact null for the opening entry
 * @param occurredAt     when it happened in the world (may be backfilled)
 * @param publishedAt    when Sitrep accepted it
 * @param visibility     internal for an entry recorded while the incident was internal; such entries stay internal
 * @param actor          who posted it; shown to authenticated readers only, null otherwise and for entries from
 *                       before actors were recorded
 */
public record TimelineEntry(
        UUID id,
        UUID eventId,
        String type,
        long version,
        IncidentStatus status,
        @Nullable IncidentStatus previousStatus,
        Impact impact,
        @Nullable Impact previousImpact,
        String message,
        List<ComponentChange> componentChanges,
        Instant occurredAt,
        Instant publishedAt,
        Visibility visibility,
        @Nullable String actor) {

    public TimelineEntry {
        componentChanges = componentChanges == null ? List.of() : List.copyOf(componentChanges);
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
    }

    /**
     * The entry's id and version alone, consistent with the record's equality over every component: the public snapshot
     * looks its parts up by the timelines they are rendered from, and hashing every entry's message and times for each
     * look-up took a third of a build's time in a profile at 500 events/s.
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(id) + Long.hashCode(version);
    }
}
