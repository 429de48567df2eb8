package io.sitrep.incidentservice.incident.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The corrected text of an update. */
record EditUpdateRequest(@NotBlank @Size(max = Limits.MESSAGE) String message) {
}
