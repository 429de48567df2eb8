package io.sitrep.incidentservice.incident;

import java.util.Collection;
import java.util.Set;

/**
 * Which components a maintenance window in progress covers: a component an incident frees while one does
 * returns to {@code under_maintenance}, not {@code operational}.
 */
public interface MaintenanceCoverage {

    /** Of {@code componentIds}, those an in-progress or verifying maintenance window covers. */
    Set<String> underMaintenance(Collection<String> componentIds);
}
