package io.sitrep.incidentservice.incident.web;

import io.sitrep.incidentservice.incident.ResolveIncident;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * Resolve an incident.
 *
 * @param components component statuses to set; affected components not named return to operational
 *                   unless another open incident holds them
 */
record ResolveIncidentRequest(
        @NotBlank @Size(max = Limits.MESSAGE) String message,
        @Size(max = Limits.COMPONENTS) List<@Valid @NotNull ComponentStatusInput> components,
        Instant occurredAt) {

    ResolveIncident command() {
        return new ResolveIncident(message.strip(), occurredAt);
    }
}
