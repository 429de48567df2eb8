package io.sitrep.incidentservice.incident.web;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.incidentservice.incident.UpdateIncident;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * An update to an open incident.
 *
 * @param status unchanged when absent; resolved resolves the incident
 * @param impact unchanged when absent
 */
record UpdateIncidentRequest(
        IncidentStatus status,
        Impact impact,
        @NotBlank @Size(max = Limits.MESSAGE) String message,
        @Size(max = Limits.COMPONENTS) List<@Valid @NotNull ComponentStatusInput> components,
        Instant occurredAt) {

    UpdateIncident command() {
        return new UpdateIncident(status, impact, message.strip(), occurredAt);
    }
}
