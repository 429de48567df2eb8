package io.sitrep.incidentservice.incident.web;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.Visibility;
import io.sitrep.incidentservice.incident.OpenIncident;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * Open an incident.
 *
 * @param status     investigating, identified or monitoring; investigating when absent
 * @param impact     none when absent
 * @param occurredAt when it began; now when absent
 * @param visibility public (on the status page and with every subscriber) or internal (only for responders); public when absent
 */
record OpenIncidentRequest(
        @NotBlank @Size(max = Limits.TITLE) String title,
        IncidentStatus status,
        Impact impact,
        @NotBlank @Size(max = Limits.MESSAGE) String message,
        @Size(max = Limits.COMPONENTS) List<@Valid @NotNull ComponentStatusInput> components,
        Instant occurredAt,
        Visibility visibility) {

    OpenIncident command() {
        return new OpenIncident(title.strip(), status, impact, message.strip(), occurredAt,
                visibility == null ? Visibility.PUBLIC : visibility);
    }
}
