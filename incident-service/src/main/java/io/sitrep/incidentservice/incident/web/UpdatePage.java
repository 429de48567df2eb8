package io.sitrep.incidentservice.incident.web;

import jakarta.annotation.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * One page of an incident's updates, oldest first.
 *
 * @param items the updates of this page
 * @param next  the next page, or null when this one holds the newest update
 */
record UpdatePage(List<IncidentResponse.Update> items, @Nullable String next) {

    /** The path of a page: after {@code cursor} (from the start when null), {@code limit} updates (the default when null). */
    static String link(UUID incidentId, String cursor, Integer limit) {
        StringBuilder link = new StringBuilder("/api/v1/incidents/").append(incidentId).append("/updates");
        String separator = "?";
        if (cursor != null) {
            link.append(separator).append("cursor=").append(cursor);
            separator = "&";
        }
        if (limit != null) {
            link.append(separator).append("limit=").append(limit);
        }
        return link.toString();
    }
}
