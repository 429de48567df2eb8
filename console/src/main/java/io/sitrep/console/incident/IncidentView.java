package io.sitrep.console.incident;

import io.sitrep.console.web.Words;
import io.sitrep.support.markdown.Markdown;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * An incident as incident-service has it now.
 *
 * @param version    the version the person sees, sent back as If-Match
 * @param components the components it affects, each with its status in words
 * @param updates    its updates, newest first
 * @param postmortem its published postmortem, or null
 */
public record IncidentView(String id, String title, String status, String impact, String visibility, long version,
                           boolean resolved, List<String> components, List<Update> updates, Postmortem postmortem) {

    /**
     * The published postmortem.
     *
     * @param body its Markdown, as published
     * @param html that Markdown as the status page renders it, sanitized
     */
    public record Postmortem(int revision, String body, String html, String publishedAt) {
    }

    /** One update of the incident's timeline. */
    public record Update(String id, long version, String status, String impact, String message, String at, String actor, List<String> changes) {
    }

    static IncidentView of(JsonNode incident) {
        List<String> components = new ArrayList<>();
        for (JsonNode component : incident.path("components")) {
            components.add(component.path("name").asString() + ": " + Words.of(component.path("status").asString()));
        }
        List<Update> updates = new ArrayList<>();
        for (JsonNode update : incident.path("updates")) {
            List<String> changes = new ArrayList<>();
            for (JsonNode change : update.path("componentChanges")) {
                changes.add(change.path("name").asString() + ": " + Words.of(change.path("previousStatus").asString())
                        + " → " + Words.of(change.path("status").asString()));
            }
            updates.add(new Update(update.path("id").asString(""), update.path("version").asLong(), Words.of(update.path("status").asString()),
                    Words.of(update.path("impact").asString()), update.path("message").asString(""),
                    Words.time(update.path("occurredAt").asString()), update.path("actor").asString(""), changes));
        }
        updates.sort((a, b) -> Long.compare(b.version(), a.version()));
        String status = incident.path("status").asString();
        JsonNode published = incident.path("postmortem");
        Postmortem postmortem = published.path("body").isString()
                ? new Postmortem(published.path("revision").asInt(), published.path("body").asString(),
                        Markdown.toHtml(published.path("body").asString()), Words.time(published.path("publishedAt").asString()))
                : null;
        return new IncidentView(incident.path("id").asString(), incident.path("title").asString(), status,
                incident.path("impact").asString(), incident.path("visibility").asString("public"),
                incident.path("version").asLong(), "resolved".equals(status), components, updates, postmortem);
    }

    /** The updates made after the given version: what someone else changed meanwhile. */
    public List<Update> since(long seenVersion) {
        return updates.stream().filter(update -> update.version() > seenVersion).toList();
    }

    public boolean internal() {
        return "internal".equals(visibility);
    }
}
