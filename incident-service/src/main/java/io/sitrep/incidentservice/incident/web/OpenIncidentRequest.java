package io.sitrep.incidentservice.incident.web;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.Visibility;
import io.sitrep.incidentservice.incident.OpenIncident;
import io.sitrep.incidentservice.template.Template;
import io.sitrep.incidentservice.template.TemplateId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open an incident.
 *
 * @param status     investigating, identified or monitoring; investigating when absent
 * @param impact     none when absent
 * @param occurredAt when it began; now when absent
 * @param template   the id of a template that fills the title, impact, message and components the request leaves out
 * @param visibility public (on the status page and with every subscriber) or internal (only for responders); public when absent
 */
@RequiredUnlessTemplated
record OpenIncidentRequest(
        @Schema(description = "required unless the template gives it") @Size(max = Limits.TITLE) String title,
        IncidentStatus status,
        Impact impact,
        @Schema(description = "required unless the template gives it (Markdown)") @Size(max = Limits.MESSAGE) String message,
        @Size(max = Limits.COMPONENTS) List<@Valid @NotNull ComponentStatusInput> components,
        Instant occurredAt,
        @Schema(description = "the id of a template: it fills each field the request leaves out")
        @Pattern(regexp = TemplateId.PATTERN, message = TemplateId.RULE) String template,
        Visibility visibility) implements RequiredUnlessTemplated.Templated {

    @Override
    public Map<String, String> required() {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("title", title);
        required.put("message", message);
        return required;
    }

    /** This request with what it leaves out taken from {@code template}; itself when there is none. */
    OpenIncidentRequest filledFrom(Template template) {
        if (template == null) {
            return this;
        }
        OpenIncidentRequest filled = new OpenIncidentRequest(title == null ? template.title() : title, status,
                impact == null ? template.impact() : impact, message == null ? template.message() : message,
                components == null ? TemplateFill.components(template) : components, occurredAt, template.id().value(), visibility);
        TemplateFill.requireFilled(filled.required(), template);
        return filled;
    }

    OpenIncident command() {
        return new OpenIncident(title.strip(), status, impact, message.strip(), occurredAt,
                visibility == null ? Visibility.PUBLIC : visibility);
    }
}
