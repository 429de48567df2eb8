package io.sitrep.timeline.readmodel;

import io.sitrep.events.ComponentStatus;
import jakarta.annotation.Nullable;

import java.time.Instant;

/**
 * A component and its current status.
 *
 * @param group       the group it is shown under; null when ungrouped
 * @param description null when none
 * @param createdAt   when its first event Sitrep holds happened
 * @param position    where it is listed within its group, lowest first; null when unordered
 */
public record ComponentView(
        String id,
        String name,
        @Nullable String group,
        @Nullable String description,
        ComponentStatus status,
        Instant createdAt,
        Instant updatedAt,
        long version,
        @Nullable Integer position) {

    /** A component without an order. */
    public ComponentView(String id, String name, String group, String description, ComponentStatus status, Instant createdAt,
            Instant updatedAt, long version) {
        this(id, name, group, description, status, createdAt, updatedAt, version, null);
    }
}
