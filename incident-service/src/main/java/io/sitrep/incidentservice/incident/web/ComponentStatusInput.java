package io.sitrep.incidentservice.incident.web;

import io.sitrep.events.ComponentStatus;
import io.sitrep.incidentservice.component.ComponentId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A component an incident affects, and the status it is in. */
record ComponentStatusInput(
        @NotNull @Pattern(regexp = ComponentId.PATTERN, message = "must be a component id: lower-case letters, digits, '.', '_' or '-', at most 64") String id,
        @NotNull ComponentStatus status) {
}
