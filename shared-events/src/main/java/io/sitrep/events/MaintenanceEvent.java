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

    /**
     * Who did it: an API key's name, the person a trusted client acted for, or {@code scheduler} for a step the
     * window took by itself (a reminder, an automatic start or completion); null when not recorded.
     */
    String actor();

    /** This event as done by {@code actor}. */
    MaintenanceEvent withActor(String actor);

    /**
     * The update this event posted to the window's timeline; null for a reminder, and for a change of the window
     * without a message. Not a field on the wire: the update is in the data of the events that have one.
     */
    default MaintenanceUpdate postedUpdate() {
        if (this instanceof MaintenanceScheduled scheduled) {
            return scheduled.update();
        }
        if (this instanceof MaintenanceUpdated updated) {
            return updated.update();
        }
        if (this instanceof MaintenanceStarted started) {
            return started.update();
        }
        if (this instanceof MaintenanceCompleted completed) {
            return completed.update();
        }
        if (this instanceof MaintenanceCancelled cancelled) {
            return cancelled.update();
        }
        return null;
    }

    @Override
    default String aggregateId() {
        return maintenanceId().toString();
    }
}
