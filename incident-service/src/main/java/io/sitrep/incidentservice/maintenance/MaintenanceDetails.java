package io.sitrep.incidentservice.maintenance;

import io.sitrep.events.MaintenanceSnapshot;
import io.sitrep.events.MaintenanceUpdate;

import java.util.List;

/** A maintenance window with its timeline, for reading. */
public record MaintenanceDetails(MaintenanceSnapshot maintenance, List<TimelineEntry> updates) {

    /** One update of the timeline, in version order. */
    public record TimelineEntry(long version, MaintenanceUpdate update) {
    }
}
