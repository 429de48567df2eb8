package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.Instant;
import java.util.Objects;

/**
 * A component as it stands after an event.
 *
 * @param group the group it is shown under on a status page; null when ungrouped
 * @param description a short description; null when none
 * @param position where it is listed within its group, lowest first (0 to 10000); null when unordered, and in
 *                 events written before components had an order
 */
public record ComponentSnapshot(
        String id,
        String name,
        @Nullable String group,
        @Nullable String description,
        ComponentStatus status,
        Instant updatedAt,
        long version,
        @Nullable Integer position) {

    @JsonCreator
    public ComponentSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A component without an order, as in events written before components had one. */
    public ComponentSnapshot(String id, String name, String group, String description, ComponentStatus status,
            Instant updatedAt, long version) {
        this(id, name, group, description, status, updatedAt, version, null);
    }
}
