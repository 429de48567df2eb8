package io.sitrep.incidentservice.maintenance;

/** The caller changed a maintenance window based on a version that is no longer current (If-Match). */
public final class StaleMaintenanceVersion extends RuntimeException {

    private final long current;

    public StaleMaintenanceVersion(MaintenanceId id, long expected, long current) {
        super("Maintenance window " + id + " is at version " + current + ", not " + expected + ".");
        this.current = current;
    }

    public long current() {
        return current;
    }
}
