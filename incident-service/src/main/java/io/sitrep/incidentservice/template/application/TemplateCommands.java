package io.sitrep.incidentservice.template.application;

import io.sitrep.events.Impact;
import io.sitrep.incidentservice.component.Components;
import io.sitrep.incidentservice.component.UnknownComponent;
import io.sitrep.incidentservice.template.Template;
import io.sitrep.incidentservice.template.TemplateId;
import io.sitrep.incidentservice.template.Templates;
import io.sitrep.incidentservice.template.TooManyTemplates;
import io.sitrep.incidentservice.template.UnknownTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The template use cases. Templates are configuration, not history: they publish no events, and an
 * incident opened with one keeps what it took from it when the template changes later.
 */
@Service
@Transactional
public class TemplateCommands {

    /** The most templates the service keeps, so that the list stays one bounded answer. */
    public static final int MAX_TEMPLATES = 500;

    private final Templates templates;
    private final Components components;
    private final Clock clock;

    public TemplateCommands(Templates templates, Components components, Clock clock) {
        this.templates = templates;
        this.components = components;
        this.clock = clock;
    }

    /** The outcome of a definition: the template, and whether it is new. */
    public record Defined(Template template, boolean created) {
    }

    /** Creates the template or replaces its content; every component it sets must be defined. */
    public Defined define(TemplateId id, String name, String title, Impact impact, String message,
                          List<Template.ComponentSetting> settings) {
        for (Template.ComponentSetting setting : settings) {
            if (components.find(setting.id()).isEmpty()) {
                throw new UnknownComponent(setting.id());
            }
        }
        Instant now = clock.instant();
        Template existing = templates.find(id).orElse(null);
        if (existing == null && templates.count() >= MAX_TEMPLATES) {
            throw new TooManyTemplates(MAX_TEMPLATES);
        }
        Template template = new Template(id, name, title, impact, message, settings,
                existing == null ? now : existing.createdAt(), now);
        boolean created = templates.put(template);
        return new Defined(templates.find(id).orElse(template), created);
    }

    /** Deletes the template; incidents opened with it keep what they took. */
    public void delete(TemplateId id) {
        if (!templates.remove(id)) {
            throw new UnknownTemplate(id);
        }
    }

    /** The template a command names. */
    @Transactional(readOnly = true)
    public Template get(TemplateId id) {
        return templates.find(id).orElseThrow(() -> new UnknownTemplate(id));
    }

    /** Every template, by name. */
    @Transactional(readOnly = true)
    public List<Template> all() {
        return templates.all();
    }
}
