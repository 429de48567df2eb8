package io.sitrep.console.audit;

import io.sitrep.console.web.Words;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of the audit as the screen shows it.
 *
 * @param entries  the page's entries, newest first
 * @param nextPage the link to the next page with the same filters, or "" on the last page
 */
public record AuditView(List<Entry> entries, String nextPage) {

    /** One thing someone did. */
    public record Entry(String at, String actor, String command, String incidentId, String outcome, int status) {
    }

    static AuditView of(JsonNode page, AuditFilter filter) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            if (!filter.matches(item.path("incidentId").asString(""), item.path("command").asString(""))) {
                continue;
            }
            entries.add(new Entry(Words.time(item.path("at").asString("")), item.path("actor").asString(""),
                    item.path("command").asString(""), item.path("incidentId").isString() ? item.path("incidentId").asString() : "",
                    item.path("outcome").asString(""), item.path("status").asInt()));
        }
        String cursor = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : "";
        return new AuditView(entries, cursor.isEmpty() ? "" : filter.link(cursor));
    }

    /**
     * The filters a person chose, as typed.
     *
     * @param actor only this person's or key's entries; blank for everyone's
     * @param since only entries at or after this instant (ISO 8601); blank for no bound
     * @param until    only entries before this instant (ISO 8601); blank for no bound
     * @param incident only entries about this incident (its id); blank for every incident
     * @param action   only entries of this command, e.g. {@code incident.resolve} (case aside); blank for every command
     */
    public record AuditFilter(String actor, String since, String until, String incident, String action) {

        /** The longest filter passed on; the service checks the values and names the field at fault. */
        static final int MAX_LENGTH = 200;

        public AuditFilter {
            actor = clean(actor);
            since = clean(since);
            until = clean(until);
            incident = clean(incident);
            action = clean(action);
        }

        /** The filters incident-service does not take, which the console applies to each page it reads. */
        boolean filtersEntries() {
            return !incident.isEmpty() || !action.isEmpty();
        }

        /** Whether an entry passes the incident and action filters. */
        boolean matches(String entryIncident, String entryCommand) {
            return (incident.isEmpty() || incident.equalsIgnoreCase(entryIncident))
                    && (action.isEmpty() || action.equalsIgnoreCase(entryCommand));
        }

        /** The link to the page that starts at the given cursor, with these filters. */
        String link(String cursor) {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath("/audit");
            Map<String, String> values = new LinkedHashMap<>();
            values.put("actor", actor);
            values.put("since", since);
            values.put("until", until);
            values.put("incident", incident);
            values.put("action", action);
            values.put("cursor", cursor);
            values.values().removeIf(String::isEmpty);
            // Values are encoded strictly, so that a "+" in an offset stays a "+".
            values.keySet().forEach(name -> link.queryParam(name, "{" + name + "}"));
            return link.encode().buildAndExpand(values).toUriString();
        }

        /** The link to the first page with these filters. */
        public String firstPage() {
            return link("");
        }

        private static String clean(String text) {
            if (text == null) {
                return "";
            }
            String stripped = text.strip();
            return stripped.length() > MAX_LENGTH ? stripped.substring(0, MAX_LENGTH) : stripped;
        }
    }
}
