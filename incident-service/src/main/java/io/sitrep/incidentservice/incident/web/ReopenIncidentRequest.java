package io.sitrep.incidentservice.incident.web;

import io.sitrep.events.IncidentStatus;
import io.sitrep.incidentservice.incident.ReopenIncident;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * Reopen a resolved incident.
 *
 * @param status investigating, identified or monitoring; investigating when absent
 */
record ReopenIncidentRequest(
        @NotBlank @Size(max = Limits.MESSAGE) String message,
        IncidentStatus status,
        Instant occurredAt) {

    ReopenIncident command() {
        return new ReopenIncident(message.strip(), status, occurredAt);
    }
}
