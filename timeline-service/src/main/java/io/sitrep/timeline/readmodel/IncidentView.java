package io.sitrep.timeline.readmodel;

import io.sitrep.events.AffectedComponent;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident as its latest applied snapshot (or the snapshot of a past moment) shows it.
 *
 * @param version the version of the incident this view shows
 */
public record IncidentView(
        UUID id,
        String title,
        IncidentStatus status,
        Impact impact,
        List<AffectedComponent> components,
        Instant createdAt,
        Instant updatedAt,
        Instant resolvedAt,
        long version) {

    public IncidentView {
        components = components == null ? List.of() : List.copyOf(components);
    }

    public boolean isOpen() {
        return status.isOpen();
    }
}
