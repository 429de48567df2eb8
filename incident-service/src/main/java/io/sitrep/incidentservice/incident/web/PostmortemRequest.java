package io.sitrep.incidentservice.incident.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The postmortem of a resolved incident, in markdown. */
record PostmortemRequest(@NotBlank @Size(max = Limits.POSTMORTEM) String body) {
}
