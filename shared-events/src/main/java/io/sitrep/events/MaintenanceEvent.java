package io.sitrep.events;

import java.util.UUID;

/**
 * An event of one maintenance window; it carries a snapshot of the window after the change. A window's
 * events are numbered 1, 2, 3, … by {@link #version()}, and its id is the Kafka key.
 */
public sealed interface MaintenanceEvent extends SitrepEvent
        permits MaintenanceScheduled, MaintenanceUpdated, MaintenanceReminder, MaintenanceStarted,
        MaintenanceCompleted, MaintenanceCancelled {

    UUID maintenanceId();

    /** The maintenance window as it stands after this event. */
    MaintenanceSnapshot maintenance();

    @Override
    default String aggregateId() {
        return maintenanceId().toString();
    }
}
