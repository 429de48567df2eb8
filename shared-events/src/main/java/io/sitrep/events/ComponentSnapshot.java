package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A component as it stands after an event.
 *
 * @param group the group it is shown under on a status page; null when ungrouped
 * @param description a short description; null when none
 */
public record ComponentSnapshot(
        String id,
        String name,
        @Nullable String group,
        @Nullable String description,
        ComponentStatus status,
        Instant updatedAt,
        long version) {

    public ComponentSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
