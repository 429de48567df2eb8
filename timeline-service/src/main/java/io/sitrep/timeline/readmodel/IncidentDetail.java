package io.sitrep.timeline.readmodel;

import java.util.List;

/**
 * An incident with its timeline, oldest entry first, and its postmortem. The timeline may hold only
 * the newest entries: {@code earlierEntries} says whether there are more before the first one.
 *
 * @param postmortem     null when none was published (by the moment shown)
 * @param earlierEntries whether the timeline has entries before the first one given
 */
public record IncidentDetail(IncidentView incident, List<TimelineEntry> timeline, PostmortemView postmortem, boolean earlierEntries) {

    public IncidentDetail {
        timeline = List.copyOf(timeline);
    }

    /** The cursor to read the entries before the first one given; null when there are none. */
    public TimelineCursor earlier() {
        return earlierEntries && !timeline.isEmpty() ? new TimelineCursor(timeline.get(0).version()) : null;
    }
}
