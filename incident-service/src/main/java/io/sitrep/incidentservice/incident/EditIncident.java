package io.sitrep.incidentservice.incident;

import io.sitrep.events.Impact;

/**
 * Rename or re-rate an incident.
 *
 * @param title  unchanged when null
 * @param impact unchanged when null
 */
public record EditIncident(String title, Impact impact) {
}
