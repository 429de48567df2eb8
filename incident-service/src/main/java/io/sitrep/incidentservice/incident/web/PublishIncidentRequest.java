package io.sitrep.incidentservice.incident.web;

import io.sitrep.events.Impact;
import io.sitrep.incidentservice.incident.Incident;
import io.sitrep.incidentservice.incident.PublishIncident;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Make an internal incident public.
 *
 * @param title      the title customers see; the current one (often an alert's name) when absent
 * @param message    the first entry customers see; "We are investigating this issue." when absent
 * @param impact     unchanged when absent
 * @param components component statuses to set; the components the incident already affects take the status it gives them
 */
record PublishIncidentRequest(
        @Size(max = Limits.TITLE) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
        @Size(max = Limits.MESSAGE) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String message,
        Impact impact,
        @Size(max = Limits.COMPONENTS) List<@Valid @NotNull ComponentStatusInput> components) {

    PublishIncident command() {
        return new PublishIncident(title == null ? null : title.strip(), message == null ? Incident.DEFAULT_PUBLISHED_MESSAGE : message.strip(), impact);
    }
}
