package io.sitrep.console.incident;

import io.sitrep.console.web.Words;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What incident forms offer to choose from.
 *
 * @param components the components an incident may affect
 * @param templates  the templates an incident may be opened from
 */
public record Choices(List<Component> components, List<Template> templates) {

    /** A component, with its status now in words. */
    public record Component(String id, String name, String group, String statusInWords) {
    }

    /** A template. */
    public record Template(String id, String name) {
    }

    static Choices of(JsonNode components, JsonNode templates) {
        List<Component> componentList = new ArrayList<>();
        for (JsonNode component : components.path("items")) {
            componentList.add(new Component(component.path("id").asString(), component.path("name").asString(),
                    component.path("group").isString() ? component.path("group").asString() : "",
                    Words.of(component.path("status").asString())));
        }
        List<Template> templateList = new ArrayList<>();
        for (JsonNode template : templates.path("items")) {
            templateList.add(new Template(template.path("id").asString(), template.path("name").asString()));
        }
        return new Choices(componentList, templateList);
    }
}
