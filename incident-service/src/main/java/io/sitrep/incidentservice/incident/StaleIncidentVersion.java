package io.sitrep.incidentservice.incident;

/** The caller changed an incident based on a version that is no longer current (If-Match). */
public final class StaleIncidentVersion extends RuntimeException {

    private final long current;

    public StaleIncidentVersion(IncidentId id, long expected, long current) {
        super("Incident " + id + " is at version " + current + ", not " + expected + ".");
        this.current = current;
    }

    public long current() {
        return current;
    }
}
