package io.sitrep.timeline.incident.web;

import io.sitrep.events.AffectedComponent;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.Visibility;
import io.sitrep.timeline.readmodel.IncidentView;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident in a list: its fields and affected components, without the timeline.
 *
 * @param visibility public, or internal: internal incidents are listed to callers with a key only
 */
record IncidentSummary(
        UUID id,
        String title,
        IncidentStatus status,
        Impact impact,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant resolvedAt,
        long version,
        List<AffectedComponent> components,
        Visibility visibility) {

    static IncidentSummary of(IncidentView incident) {
        return new IncidentSummary(incident.id(), incident.title(), incident.status(), incident.impact(), incident.createdAt(),
                incident.updatedAt(), incident.resolvedAt(), incident.version(), incident.components(), incident.visibility());
    }
}
