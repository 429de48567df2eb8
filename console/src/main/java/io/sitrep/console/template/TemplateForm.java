package io.sitrep.console.template;

import tools.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a person typed into a template form, kept as typed so that a refused form is shown again unchanged. Every part
 * but the name may be left empty, and then the template fills nothing there.
 *
 * @param id         the template's id: lower-case letters, digits, '.', '_' or '-', as incident-service accepts it
 * @param components component id to the status the template sets it to; absent for components it leaves alone
 */
public record TemplateForm(String id, String name, String title, String impact, String message, Map<String, String> components) {

    static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

    static final String ID_RULE = "must be lower-case letters, digits, '.', '_' or '-', at most 64, starting with a letter or digit";

    /** The request parameter prefix of a component's status: {@code component.api=major_outage}. */
    static final String COMPONENT_PREFIX = "component.";

    static final int MAX_TEXT = 100_000;
    static final int MAX_COMPONENTS = 500;

    public static final TemplateForm EMPTY = new TemplateForm("", "", "", "", "", Map.of());

    public TemplateForm {
        id = clean(id);
        name = clean(name);
        title = clean(title);
        impact = clean(impact);
        message = clean(message);
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    static TemplateForm from(Map<String, String> parameters) {
        Map<String, String> components = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith(COMPONENT_PREFIX) && value != null && !value.isBlank() && components.size() < MAX_COMPONENTS) {
                components.put(name.substring(COMPONENT_PREFIX.length()), value.strip());
            }
        });
        return new TemplateForm(parameters.get("id"), parameters.get("name"), parameters.get("title"), parameters.get("impact"),
                parameters.get("message"), components);
    }

    /** The form showing a template as incident-service has it. */
    static TemplateForm of(JsonNode template) {
        Map<String, String> components = new LinkedHashMap<>();
        for (JsonNode component : template.path("components")) {
            components.put(component.path("id").asString(""), component.path("status").asString(""));
        }
        return new TemplateForm(template.path("id").asString(""), template.path("name").asString(""), text(template.path("title")),
                text(template.path("impact")), text(template.path("message")), components);
    }

    static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public String componentStatus(String componentId) {
        return components.getOrDefault(componentId, "");
    }

    /**
     * The request to define it. The name is sent even when empty, so that incident-service names it; an empty title,
     * impact or message is left out, so that the template fills nothing there.
     */
    Map<String, Object> defineRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", name);
        put(request, "title", title);
        put(request, "impact", impact);
        put(request, "message", message);
        request.put("components", components.entrySet().stream().map(e -> setting(e.getKey(), e.getValue())).toList());
        return request;
    }

    private static Map<String, String> setting(String componentId, String status) {
        Map<String, String> setting = new LinkedHashMap<>();
        setting.put("id", componentId);
        setting.put("status", status);
        return setting;
    }

    public static List<String> impacts() {
        return List.of("none", "minor", "major", "critical");
    }

    private static void put(Map<String, Object> request, String field, String value) {
        if (!value.isEmpty()) {
            request.put(field, value);
        }
    }

    private static String text(JsonNode value) {
        return value.isString() ? value.asString() : "";
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        return stripped.length() > MAX_TEXT ? stripped.substring(0, MAX_TEXT) : stripped;
    }
}
