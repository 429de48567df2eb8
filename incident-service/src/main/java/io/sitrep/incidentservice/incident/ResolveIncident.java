package io.sitrep.incidentservice.incident;

import java.time.Instant;

/** Resolve an open incident. */
public record ResolveIncident(String message, Instant occurredAt) {
}
