package io.sitrep.timeline.readmodel;

import java.time.Instant;

/**
 * Which incidents to list, newest first.
 *
 * @param component only incidents affecting this component id; null for all
 * @param since     only incidents created at or after this; null for no bound
 * @param until     only incidents created before this; null for no bound
 * @param after     the cursor of the previous page; null for the first page
 */
public record IncidentQuery(Status status, String component, Instant since, Instant until, int limit, IncidentCursor after) {

    /** Which incidents by state. */
    public enum Status {
        OPEN, RESOLVED, ALL
    }
}
