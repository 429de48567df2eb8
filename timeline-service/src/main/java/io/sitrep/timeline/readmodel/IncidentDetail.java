package io.sitrep.timeline.readmodel;

import java.util.List;

/**
 * An incident with its timeline, oldest entry first, and its postmortem.
 *
 * @param postmortem null when none was published (by the moment shown)
 */
public record IncidentDetail(IncidentView incident, List<TimelineEntry> timeline, PostmortemView postmortem) {

    public IncidentDetail {
        timeline = List.copyOf(timeline);
    }
}
