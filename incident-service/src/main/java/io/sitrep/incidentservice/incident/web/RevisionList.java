package io.sitrep.incidentservice.incident.web;

import io.sitrep.incidentservice.incident.IncidentDetails;

import java.util.List;

/**
 * The earlier texts of one update, oldest first; the current text is the update's {@code message}.
 *
 * @param items each replaced text with its revision, who replaced it and when
 */
record RevisionList(List<IncidentDetails.Revision> items) {
}
