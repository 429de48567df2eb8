package io.sitrep.incidentservice.incident.web;

import io.sitrep.events.Impact;
import io.sitrep.incidentservice.incident.EditIncident;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Rename or re-rate an incident; at least one of the two.
 *
 * @param title  unchanged when absent
 * @param impact unchanged when absent
 */
record EditIncidentRequest(
        @Size(max = Limits.TITLE) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
        Impact impact) {

    EditIncident command() {
        return new EditIncident(title == null ? null : title.strip(), impact);
    }
}
