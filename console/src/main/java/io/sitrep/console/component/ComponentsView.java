package io.sitrep.console.component;

import io.sitrep.console.web.Words;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The components screen: the components by group, in incident-service's order (a group at the lowest position among
 * its components, then by position with unordered ones last, then by name).
 *
 * @param groups group name ("" for the components in none) to its components
 */
public record ComponentsView(Map<String, List<Row>> groups) {

    /**
     * One component; {@code status} is the wire value, {@code statusInWords} what the screen says, {@code position}
     * its position as text, empty when unordered.
     */
    public record Row(String id, String name, String group, String description, String status, String statusInWords,
                      String position) {
    }

    static ComponentsView of(JsonNode list) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (JsonNode component : list.path("items")) {
            Row row = row(component);
            groups.computeIfAbsent(row.group(), group -> new ArrayList<>()).add(row);
        }
        return new ComponentsView(groups);
    }

    static Row row(JsonNode component) {
        String status = component.path("status").asString("");
        return new Row(component.path("id").asString(""), component.path("name").asString(""), text(component.path("group")),
                text(component.path("description")), status, Words.of(status),
                component.path("position").isNumber() ? component.path("position").asString() : "");
    }

    public boolean empty() {
        return groups.isEmpty();
    }

    private static String text(JsonNode value) {
        return value.isString() ? value.asString() : "";
    }
}
