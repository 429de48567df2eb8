package io.sitrep.console.maintenance;

import io.sitrep.console.web.Words;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One maintenance window as incident-service has it, for its screen.
 *
 * @param status     the wire value, e.g. {@code in_progress}
 * @param components the names of the components it covers
 * @param from       its planned start in words (UTC)
 * @param until      its planned end in words (UTC)
 */
public record MaintenanceView(String id, String title, String status, long version, List<String> components, String from, String until,
                              boolean autoStart, boolean autoComplete, List<Update> updates) {

    /** One update of its timeline, oldest first. */
    public record Update(long version, String status, String message, String at, String actor) {
    }

    static MaintenanceView of(JsonNode window) {
        List<String> components = new ArrayList<>();
        for (JsonNode component : window.path("components")) {
            components.add(component.path("name").asString(component.path("id").asString("")));
        }
        List<Update> updates = new ArrayList<>();
        for (JsonNode update : window.path("updates")) {
            updates.add(new Update(update.path("version").asLong(0), Words.of(update.path("status").asString("")),
                    update.path("message").asString(""), Words.time(update.path("createdAt").asString("")),
                    update.path("actor").isString() ? update.path("actor").asString() : ""));
        }
        return new MaintenanceView(window.path("id").asString(""), window.path("title").asString(""), window.path("status").asString(""),
                window.path("version").asLong(0), components, Words.time(window.path("scheduledFor").asString("")),
                Words.time(window.path("scheduledUntil").asString("")), window.path("autoStart").asBoolean(true),
                window.path("autoComplete").asBoolean(true), updates);
    }

    public String statusInWords() {
        return Words.of(status);
    }

    /** Not started yet: it may be started now or cancelled. */
    public boolean scheduled() {
        return status.equals("scheduled");
    }

    /** In progress or verifying: it may be completed. */
    public boolean started() {
        return status.equals("in_progress") || status.equals("verifying");
    }

    /** Completed or cancelled: nothing more may be done to it. */
    public boolean finished() {
        return !scheduled() && !started();
    }

    /** The updates made after the version a person saw. */
    public List<Update> since(long seenVersion) {
        return updates.stream().filter(update -> update.version() > seenVersion).toList();
    }
}
