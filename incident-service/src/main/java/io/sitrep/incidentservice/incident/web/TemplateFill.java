package io.sitrep.incidentservice.incident.web;

import io.sitrep.incidentservice.template.Template;
import io.sitrep.incidentservice.template.TemplateId;
import io.sitrep.incidentservice.template.UnknownTemplate;
import io.sitrep.incidentservice.template.application.TemplateCommands;
import io.sitrep.support.web.FieldRejected;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Finds the template an incident request names, and checks that what the request leaves out it fills. */
@Component
class TemplateFill {

    private final TemplateCommands templates;

    TemplateFill(TemplateCommands templates) {
        this.templates = templates;
    }

    /** The template with this id, or null when the request names none; an unknown id is refused as the request's {@code template}. */
    Template named(String id) {
        if (id == null) {
            return null;
        }
        try {
            return templates.get(new TemplateId(id));
        } catch (UnknownTemplate e) {
            throw new FieldRejected("template", e.getMessage());
        }
    }

    /** The component statuses a template sets, as a request would give them. */
    static List<ComponentStatusInput> components(Template template) {
        return template.components().stream().map(c -> new ComponentStatusInput(c.id().value(), c.status())).toList();
    }

    /** Refuses each required field that is still blank after the template filled what it could. */
    static void requireFilled(Map<String, String> required, Template template) {
        required.forEach((field, value) -> {
            if (value == null || value.isBlank()) {
                throw new FieldRejected(field, "must not be blank: give it, or name a template that has one ('" + template.id() + "' has none)");
            }
        });
    }
}
