package io.sitrep.incidentservice.incident;

import io.sitrep.events.IncidentStatus;

import java.time.Instant;

/**
 * Reopen a resolved incident.
 *
 * @param status investigating when null
 */
public record ReopenIncident(String message, IncidentStatus status, Instant occurredAt) {
}
