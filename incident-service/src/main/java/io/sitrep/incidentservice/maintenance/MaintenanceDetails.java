package io.sitrep.incidentservice.maintenance;

import io.sitrep.events.MaintenanceSnapshot;
import io.sitrep.events.MaintenanceUpdate;

import java.util.List;

/** A maintenance window with its timeline, for reading. */
public record MaintenanceDetails(MaintenanceSnapshot maintenance, List<TimelineEntry> updates) {

    /**
     * One update of the timeline, in version order.
     *
     * @param actor who posted it, {@code scheduler} for a step the window took by itself; null for updates from before
     *              actors were recorded
     */
    public record TimelineEntry(long version, MaintenanceUpdate update, String actor) {
    }
}
