package io.sitrep.incidentservice.incident;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;

import java.time.Instant;

/**
 * Open an incident.
 *
 * @param status     investigating when null
 * @param impact     none when null
 * @param occurredAt now when null; may be backfilled
 */
public record OpenIncident(String title, IncidentStatus status, Impact impact, String message, Instant occurredAt) {
}
