package io.sitrep.events;

import java.util.Objects;

/**
 * A component a maintenance window covers. While the window is in progress its status is
 * {@link ComponentStatus#UNDER_MAINTENANCE}; the change itself is a {@code component.status_changed} event.
 */
public record MaintenanceComponent(String id, String name) {

    public MaintenanceComponent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
