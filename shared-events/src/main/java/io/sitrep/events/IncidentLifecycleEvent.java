package io.sitrep.events;

/** An incident event that adds an entry to the incident's timeline. */
public interface IncidentLifecycleEvent {

    /** The timeline entry this event adds. */
    IncidentUpdate update();
}
