package io.sitrep.timeline.incident.web;

import io.sitrep.events.AffectedComponent;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.Visibility;
import io.sitrep.timeline.readmodel.IncidentDetail;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.PostmortemView;
import io.sitrep.timeline.readmodel.TimelineEntry;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident with its newest timeline entries (oldest of them first) and its postmortem.
 *
 * @param asOf            the moment asked for with {@code asOf}; null for the current state
 * @param earlierTimeline the path of the timeline's earlier entries; null when {@code timeline} holds them all
 * @param visibility      public, or internal: internal incidents and entries are shown to callers with a key only
 */
record IncidentResponse(
        UUID id,
        String title,
        IncidentStatus status,
        Impact impact,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant resolvedAt,
        long version,
        List<AffectedComponent> components,
        List<TimelineEntry> timeline,
        @Nullable PostmortemView postmortem,
        @Nullable Instant asOf,
        @Nullable String earlierTimeline,
        Visibility visibility) {

    static IncidentResponse of(IncidentDetail detail, Instant asOf, String earlierTimeline) {
        IncidentView incident = detail.incident();
        return new IncidentResponse(incident.id(), incident.title(), incident.status(), incident.impact(), incident.createdAt(),
                incident.updatedAt(), incident.resolvedAt(), incident.version(), incident.components(), detail.timeline(),
                detail.postmortem(), asOf, earlierTimeline, incident.visibility());
    }
}
