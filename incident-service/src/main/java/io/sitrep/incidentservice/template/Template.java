package io.sitrep.incidentservice.template;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.incidentservice.component.ComponentId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A prepared incident: what a new incident or update takes from it for each field its request leaves out.
 * Every part but the name may be absent, and then fills nothing.
 *
 * @param name       what responders call it, e.g. "Database failover"
 * @param title      the title of an incident opened with it; null when it gives none
 * @param impact     the impact; null when it gives none
 * @param message    the update message (Markdown); null when it gives none
 * @param components the component statuses it sets, in order; empty when it sets none
 */
public record Template(TemplateId id, String name, String title, Impact impact, String message, List<ComponentSetting> components,
                       Instant createdAt, Instant updatedAt) {

    /** A component a template sets, and the status it sets it to. */
    public record ComponentSetting(ComponentId id, ComponentStatus status) {

        public ComponentSetting {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
        }
    }

    public Template {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        components = List.copyOf(components);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
