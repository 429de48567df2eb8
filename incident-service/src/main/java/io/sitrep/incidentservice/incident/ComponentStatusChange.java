package io.sitrep.incidentservice.incident;

import io.sitrep.events.ComponentStatus;

import java.util.Objects;

/**
 * A component's status as an incident command sets it, with what the component was before and its
 * display name, resolved by the caller from the component aggregate.
 */
public record ComponentStatusChange(String componentId, String name, ComponentStatus status, ComponentStatus previousStatus) {

    public ComponentStatusChange {
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(previousStatus, "previousStatus");
    }

    boolean changesStatus() {
        return status != previousStatus;
    }
}
