package io.sitrep.timeline.readmodel;

import io.sitrep.events.AffectedComponent;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.Visibility;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident as its latest applied snapshot (or the snapshot of a past moment) shows it.
 *
 * @param version    the version of the incident this view shows
 * @param visibility public, or internal: shown to authenticated readers only
 */
public record IncidentView(
        UUID id,
        String title,
        IncidentStatus status,
        Impact impact,
        List<AffectedComponent> components,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant resolvedAt,
        long version,
        Visibility visibility) {

    public IncidentView {
        components = components == null ? List.of() : List.copyOf(components);
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
    }

    /** A public incident's view. */
    public IncidentView(UUID id, String title, IncidentStatus status, Impact impact, List<AffectedComponent> components,
                        Instant createdAt, Instant updatedAt, Instant resolvedAt, long version) {
        this(id, title, status, impact, components, createdAt, updatedAt, resolvedAt, version, Visibility.PUBLIC);
    }

    public boolean isOpen() {
        return status.isOpen();
    }
}
