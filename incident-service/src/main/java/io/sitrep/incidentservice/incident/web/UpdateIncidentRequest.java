package io.sitrep.incidentservice.incident.web;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.incidentservice.incident.UpdateIncident;
import io.sitrep.incidentservice.template.Template;
import io.sitrep.incidentservice.template.TemplateId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An update to an open incident.
 *
 * @param status   unchanged when absent; resolved resolves the incident
 * @param impact   unchanged when absent
 * @param template the id of a template that fills the impact, message and components the request leaves out
 */
@RequiredUnlessTemplated
record UpdateIncidentRequest(
        IncidentStatus status,
        Impact impact,
        @Schema(description = "required unless the template gives it (Markdown)") @Size(max = Limits.MESSAGE) String message,
        @Size(max = Limits.COMPONENTS) List<@Valid @NotNull ComponentStatusInput> components,
        Instant occurredAt,
        @Schema(description = "the id of a template: it fills each field the request leaves out")
        @Pattern(regexp = TemplateId.PATTERN, message = TemplateId.RULE) String template) implements RequiredUnlessTemplated.Templated {

    @Override
    public Map<String, String> required() {
        return Collections.singletonMap("message", message);
    }

    /** This request with what it leaves out taken from {@code template}; itself when there is none. */
    UpdateIncidentRequest filledFrom(Template template) {
        if (template == null) {
            return this;
        }
        UpdateIncidentRequest filled = new UpdateIncidentRequest(status, impact == null ? template.impact() : impact,
                message == null ? template.message() : message,
                components == null ? TemplateFill.components(template) : components, occurredAt, template.id().value());
        TemplateFill.requireFilled(filled.required(), template);
        return filled;
    }

    UpdateIncident command() {
        return new UpdateIncident(status, impact, message.strip(), occurredAt);
    }
}
