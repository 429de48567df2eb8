package io.sitrep.incidentservice.maintenance;

/** No maintenance window has this id. */
public final class UnknownMaintenance extends RuntimeException {

    public UnknownMaintenance(MaintenanceId id) {
        super("No maintenance window has the id " + id + ".");
    }
}
