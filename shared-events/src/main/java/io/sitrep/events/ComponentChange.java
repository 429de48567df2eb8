package io.sitrep.events;

import java.util.Objects;

/** One component's status as an update changed it; {@code previousStatus} is what it was before. */
public record ComponentChange(String id, String name, ComponentStatus status, ComponentStatus previousStatus) {

    public ComponentChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(previousStatus, "previousStatus");
    }
}
