package io.sitrep.timeline.ingest;

import io.sitrep.timeline.readmodel.persistence.ApplyResult;

/** What the live consumer did with an event, and in which generation. */
public record LiveOutcome(ApplyResult result, long generation) {
}
