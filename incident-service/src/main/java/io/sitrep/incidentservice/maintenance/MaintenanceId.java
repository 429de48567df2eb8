package io.sitrep.incidentservice.maintenance;

import io.sitrep.incidentservice.ids.Ids;

import java.util.Objects;
import java.util.UUID;

/** The id of a maintenance window. */
public record MaintenanceId(UUID value) {

    public MaintenanceId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, time-ordered id. */
    public static MaintenanceId next() {
        return new MaintenanceId(Ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
