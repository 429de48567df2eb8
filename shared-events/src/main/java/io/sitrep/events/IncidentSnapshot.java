package io.sitrep.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An incident as it stands after an event, so that consumers never need to call back.
 *
 * @param resolvedAt when it was resolved; null while open
 */
public record IncidentSnapshot(
        UUID id,
        String title,
        IncidentStatus status,
        Impact impact,
        List<AffectedComponent> components,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant resolvedAt,
        long version) {

    public IncidentSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        components = components == null ? List.of() : List.copyOf(components);
    }
}
