package io.sitrep.incidentservice.incident;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.Visibility;

import java.time.Instant;

/**
 * Open an incident.
 *
 * @param status     investigating when null
 * @param impact     none when null
 * @param occurredAt now when null; may be backfilled
 * @param visibility public when null
 */
public record OpenIncident(String title, IncidentStatus status, Impact impact, String message, Instant occurredAt, Visibility visibility) {

    /** Open a public incident. */
    public OpenIncident(String title, IncidentStatus status, Impact impact, String message, Instant occurredAt) {
        this(title, status, impact, message, occurredAt, Visibility.PUBLIC);
    }
}
