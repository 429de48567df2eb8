package io.sitrep.events;

import java.util.UUID;

/** An event of one incident; it carries a snapshot of the incident after the change. */
public sealed interface IncidentEvent extends SitrepEvent
        permits IncidentOpened, IncidentUpdated, IncidentResolved, IncidentReopened, PostmortemPublished, IncidentPublished,
        IncidentEdited, IncidentUpdateEdited, IncidentDeleted {

    UUID incidentId();

    /** The incident as it stands after this event. */
    IncidentSnapshot incident();

    /** Who did it: an API key's name, or the person a trusted client acted for; null when not recorded. */
    String actor();

    /** This event as done by {@code actor}. */
    IncidentEvent withActor(String actor);

    @Override
    default String aggregateId() {
        return incidentId().toString();
    }
}
