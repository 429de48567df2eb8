package io.sitrep.timeline.incident.web;

import jakarta.annotation.Nullable;

import java.util.List;

/**
 * A page of incidents, newest first.
 *
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
record IncidentList(List<IncidentSummary> items, @Nullable String nextCursor) {
}
