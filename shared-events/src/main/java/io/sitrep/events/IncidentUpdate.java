package io.sitrep.events;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of an incident's timeline: what was said and what changed.
 *
 * @param previousStatus the status before this update; null for the opening update
 * @param previousImpact the impact before this update; null for the opening update
 */
public record IncidentUpdate(
        UUID id,
        IncidentStatus status,
        @Nullable IncidentStatus previousStatus,
        Impact impact,
        @Nullable Impact previousImpact,
        String message,
        List<ComponentChange> componentChanges) {

    public IncidentUpdate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(message, "message");
        componentChanges = componentChanges == null ? List.of() : List.copyOf(componentChanges);
    }
}
