package io.sitrep.incidentservice.incident;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;

import java.time.Instant;

/**
 * Post an update to an open incident.
 *
 * @param status unchanged when null; resolved resolves the incident
 * @param impact unchanged when null
 */
public record UpdateIncident(IncidentStatus status, Impact impact, String message, Instant occurredAt) {
}
