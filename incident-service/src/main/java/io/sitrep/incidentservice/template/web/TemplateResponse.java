package io.sitrep.incidentservice.template.web;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.incidentservice.template.Template;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/** A template as the API shows it; absent parts are null (components empty). */
record TemplateResponse(String id, String name, @Nullable String title, @Nullable Impact impact, @Nullable String message,
                        List<Component> components,
                        Instant createdAt, Instant updatedAt) {

    /** A component the template sets, and the status it sets it to. */
    record Component(String id, ComponentStatus status) {
    }

    static TemplateResponse of(Template t) {
        return new TemplateResponse(t.id().value(), t.name(), t.title(), t.impact(), t.message(),
                t.components().stream().map(c -> new Component(c.id().value(), c.status())).toList(), t.createdAt(), t.updatedAt());
    }
}
