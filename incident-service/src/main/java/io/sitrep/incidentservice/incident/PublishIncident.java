package io.sitrep.incidentservice.incident;

import io.sitrep.events.Impact;

/**
 * Make an internal incident public.
 *
 * @param title   the title customers see; the current one when null
 * @param message the first entry customers see; {@link Incident#DEFAULT_PUBLISHED_MESSAGE} when null
 * @param impact  unchanged when null
 */
public record PublishIncident(String title, String message, Impact impact) {
}
