/** Consuming the incident events: version-checked, idempotent apply in one transaction per poll (ADR 0010), dead letters, freshness metrics and health. */
package io.sitrep.timeline.ingest;
