package io.sitrep.incidentservice.incident.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an incident is deleted: kept in the tombstone event and shown to no one outside. */
record DeleteIncidentRequest(@NotBlank @Size(max = Limits.MESSAGE) String reason) {
}
