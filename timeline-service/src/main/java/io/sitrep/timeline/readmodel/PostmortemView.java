package io.sitrep.timeline.readmodel;

import java.time.Instant;

/** The latest published revision of an incident's postmortem (markdown). */
public record PostmortemView(int revision, String body, Instant publishedAt) {
}
