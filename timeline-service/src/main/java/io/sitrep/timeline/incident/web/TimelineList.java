package io.sitrep.timeline.incident.web;

import io.sitrep.timeline.readmodel.TimelineEntry;
import jakarta.annotation.Nullable;

import java.util.List;

/**
 * A page of an incident's timeline, newest entry first.
 *
 * @param nextCursor pass as {@code cursor} to get the next (older) page; null on the last page
 */
record TimelineList(List<TimelineEntry> items, @Nullable String nextCursor) {
}
