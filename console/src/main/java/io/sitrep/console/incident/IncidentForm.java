package io.sitrep.console.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person typed into an incident form, kept as typed so that a refused or conflicting form is shown again
 * unchanged. Blank fields are left out of the request, so that a template or the incident's current values count.
 *
 * @param components component id to the status chosen for it; absent or blank for "not affected" / "unchanged"
 */
public record IncidentForm(String template, String title, String status, String impact, String visibility, String message,
                           Map<String, String> components) {

    /** The longest text the console passes on; the services set their own, smaller limits and name the field. */
    static final int MAX_TEXT = 100_000;

    /** The request parameter prefix of a component's status: {@code component.api=major_outage}. */
    static final String COMPONENT_PREFIX = "component.";

    public static final IncidentForm EMPTY = new IncidentForm("", "", "investigating", "", "public", "", Map.of());

    public IncidentForm {
        template = clean(template);
        title = clean(title);
        status = clean(status);
        impact = clean(impact);
        visibility = clean(visibility);
        message = clean(message);
        components = Map.copyOf(components);
    }

    static IncidentForm from(Map<String, String> parameters) {
        Map<String, String> components = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith(COMPONENT_PREFIX) && value != null && !value.isBlank() && components.size() < 500) {
                components.put(name.substring(COMPONENT_PREFIX.length()), value.strip());
            }
        });
        return new IncidentForm(parameters.get("template"), parameters.get("title"), parameters.get("status"),
                parameters.get("impact"), parameters.get("visibility"), parameters.get("message"), components);
    }

    /** The status chosen for a component, or "". */
    public String componentStatus(String id) {
        return components.getOrDefault(id, "");
    }

    /** The request to open an incident. */
    Map<String, Object> openRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        put(request, "template", template);
        put(request, "title", title);
        put(request, "status", status);
        put(request, "impact", impact);
        put(request, "visibility", visibility);
        put(request, "message", message);
        putComponents(request);
        return request;
    }

    /** The request to post an update. */
    Map<String, Object> updateRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        put(request, "status", status);
        put(request, "impact", impact);
        put(request, "message", message);
        putComponents(request);
        return request;
    }

    /** The request to publish an internal incident with a customer-facing title. */
    Map<String, Object> publishRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        put(request, "title", title);
        put(request, "message", message);
        putComponents(request);
        return request;
    }

    /** The request to resolve. */
    Map<String, Object> resolveRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        // The service names "message" when it is missing; an empty one is sent so that it does.
        request.put("message", message);
        putComponents(request);
        return request;
    }

    /** The request to rename or re-rate: only what was typed, so that a blank title or impact stays as it is. */
    Map<String, Object> editRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        put(request, "title", title);
        put(request, "impact", impact);
        return request;
    }

    /** The request to correct an update's text; an empty one is sent so that the service names "message". */
    Map<String, Object> editUpdateRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("message", message);
        return request;
    }

    /** The request to reopen a resolved incident, with the status it reopens at when one is chosen. */
    Map<String, Object> reopenRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("message", message);
        put(request, "status", status);
        return request;
    }

    /** The request to delete a mistaken incident; an empty reason is sent so that the service names "reason". */
    static Map<String, Object> deleteRequest(Map<String, String> parameters) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("reason", clean(parameters.get("reason")));
        return request;
    }

    private void putComponents(Map<String, Object> request) {
        if (!components.isEmpty()) {
            request.put("components", components.entrySet().stream()
                    .map(e -> Map.of("id", e.getKey(), "status", e.getValue())).toList());
        }
    }

    private static void put(Map<String, Object> request, String field, String value) {
        if (!value.isEmpty()) {
            request.put(field, value);
        }
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        return stripped.length() > MAX_TEXT ? stripped.substring(0, MAX_TEXT) : stripped;
    }

    /** The statuses an incident may take, in order. */
    public static List<String> statuses() {
        return List.of("investigating", "identified", "monitoring");
    }

    public static List<String> impacts() {
        return List.of("none", "minor", "major", "critical");
    }

    public static List<String> componentStatuses() {
        return List.of("operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance");
    }
}
