package io.sitrep.console.maintenance;

import io.sitrep.console.web.Words;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The maintenance screen's lists, from timeline-service's newest-first list of every window.
 *
 * @param upcoming  scheduled, soonest first
 * @param active    in progress or verifying, soonest first
 * @param finished  completed or cancelled, newest first
 */
public record MaintenancesView(List<Row> upcoming, List<Row> active, List<Row> finished) {

    /** One window; times in words (UTC). */
    public record Row(String id, String title, String status, String from, String until, List<String> components) {
    }

    static MaintenancesView of(JsonNode list) {
        List<Row> upcoming = new ArrayList<>();
        List<Row> active = new ArrayList<>();
        List<Row> finished = new ArrayList<>();
        for (JsonNode window : list.path("items")) {
            List<String> components = new ArrayList<>();
            for (JsonNode component : window.path("components")) {
                components.add(component.path("name").asString(component.path("id").asString("")));
            }
            String status = window.path("status").asString("");
            Row row = new Row(window.path("id").asString(""), window.path("title").asString(""), Words.of(status),
                    Words.time(window.path("scheduledFor").asString("")), Words.time(window.path("scheduledUntil").asString("")), components);
            switch (status) {
                case "scheduled" -> upcoming.add(row);
                case "in_progress", "verifying" -> active.add(row);
                default -> finished.add(row);
            }
        }
        Collections.reverse(upcoming);
        Collections.reverse(active);
        return new MaintenancesView(upcoming, active, finished);
    }

    static MaintenancesView none() {
        return new MaintenancesView(List.of(), List.of(), List.of());
    }
}
