package io.sitrep.timeline.component.web;

import io.sitrep.events.ComponentStatus;
import io.sitrep.timeline.readmodel.ComponentView;
import jakarta.annotation.Nullable;

import java.time.Instant;

/**
 * A component with its group (null when ungrouped), current status and position (where it is listed within its group,
 * lowest first; null when unordered).
 */
record ComponentResponse(String id, String name, @Nullable String group, @Nullable String description, ComponentStatus status,
                         Instant createdAt,
                         Instant updatedAt,
                         @Nullable Integer position) {

    static ComponentResponse of(ComponentView component) {
        return new ComponentResponse(component.id(), component.name(), component.group(), component.description(), component.status(),
                component.createdAt(), component.updatedAt(), component.position());
    }
}
