/** Consuming the incident events: version-checked, idempotent apply in one transaction each, dead letters, freshness metrics and health. */
package io.sitrep.timeline.ingest;
