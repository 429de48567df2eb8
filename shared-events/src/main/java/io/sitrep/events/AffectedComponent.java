package io.sitrep.events;

import java.util.Objects;

/** A component an incident affects, with the status the incident gives it. */
public record AffectedComponent(String id, String name, ComponentStatus status) {

    public AffectedComponent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }
}
