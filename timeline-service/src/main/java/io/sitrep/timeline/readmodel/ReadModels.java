package io.sitrep.timeline.readmodel;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The read side: every question the API, the feed and the status page ask, answered from the current generation.
 * Unless a method takes an {@link Audience}, it answers for the public: internal incidents and internal timeline
 * entries are left out, and no entry says who posted it.
 */
public interface ReadModels {

    /** The incident with the newest {@code timelineLimit} entries of its timeline, and its postmortem. */
    default Optional<IncidentDetail> incident(UUID id, int timelineLimit) {
        return incident(id, timelineLimit, Audience.PUBLIC);
    }

    /** The incident with the newest {@code timelineLimit} entries of its timeline the audience sees, and its postmortem. */
    Optional<IncidentDetail> incident(UUID id, int timelineLimit, Audience audience);

    /**
     * The incident as Sitrep showed it at a moment: its last version published at or before
     * {@code asOf}, the newest {@code timelineLimit} timeline entries up to that version and the
     * postmortem revision current then. Empty when the incident was not published yet.
     */
    default Optional<IncidentDetail> incidentAsOf(UUID id, Instant asOf, int timelineLimit) {
        return incidentAsOf(id, asOf, timelineLimit, Audience.PUBLIC);
    }

    /** As {@link #incidentAsOf(UUID, Instant, int)}, of the versions and entries the audience sees. */
    Optional<IncidentDetail> incidentAsOf(UUID id, Instant asOf, int timelineLimit, Audience audience);

    /** A page of the incident's timeline, newest first, after {@code cursor} (null: from the newest); empty for an unknown incident. */
    default Optional<TimelinePage> timeline(UUID id, TimelineCursor cursor, int limit) {
        return timeline(id, cursor, limit, Audience.PUBLIC);
    }

    /** As {@link #timeline(UUID, TimelineCursor, int)}, of the entries the audience sees. */
    Optional<TimelinePage> timeline(UUID id, TimelineCursor cursor, int limit, Audience audience);

    default IncidentPage incidents(IncidentQuery query) {
        return incidents(query, Audience.PUBLIC);
    }

    IncidentPage incidents(IncidentQuery query, Audience audience);

    /** Every open incident, newest first. */
    List<IncidentView> openIncidents();

    /** The most recently created incidents, open or resolved, newest first. */
    List<IncidentView> recentIncidents(int limit);

    /** Incidents resolved at or after {@code since}, most recently resolved first. */
    List<IncidentView> resolvedSince(Instant since, int limit);

    /** The newest {@code limitPerIncident} public entries of each of these incidents' timelines, each oldest entry first. */
    default Map<UUID, List<TimelineEntry>> timelines(Collection<UUID> incidentIds, int limitPerIncident) {
        return timelines(incidentIds, limitPerIncident, false);
    }

    /** As {@link #timelines(Collection, int)}, with each entry's actor when {@code withActors}. */
    Map<UUID, List<TimelineEntry>> timelines(Collection<UUID> incidentIds, int limitPerIncident, boolean withActors);

    /** The latest postmortem of each of these incidents that has one. */
    Map<UUID, PostmortemView> postmortems(Collection<UUID> incidentIds);

    /** The maintenance window with the newest {@code updatesLimit} entries of its timeline, without their actors. */
    default Optional<MaintenanceDetail> maintenance(UUID id, int updatesLimit) {
        return maintenance(id, updatesLimit, Audience.PUBLIC);
    }

    /** As {@link #maintenance(UUID, int)}, with each entry's actor when the audience sees actors. */
    Optional<MaintenanceDetail> maintenance(UUID id, int updatesLimit, Audience audience);

    /**
     * The maintenance window as Sitrep showed it at a moment: its last version published at or before
     * {@code asOf} and the newest {@code updatesLimit} entries of its timeline up to that version. Empty when
     * the window was not published yet.
     */
    default Optional<MaintenanceDetail> maintenanceAsOf(UUID id, Instant asOf, int updatesLimit) {
        return maintenanceAsOf(id, asOf, updatesLimit, Audience.PUBLIC);
    }

    /** As {@link #maintenanceAsOf(UUID, Instant, int)}, with each entry's actor when the audience sees actors. */
    Optional<MaintenanceDetail> maintenanceAsOf(UUID id, Instant asOf, int updatesLimit, Audience audience);

    /** A page of maintenance windows, in the order {@link MaintenanceQuery} gives. */
    MaintenancePage maintenances(MaintenanceQuery query);

    /** The newest {@code limitPerMaintenance} entries of each of these windows' timelines, each oldest entry first. */
    Map<UUID, List<MaintenanceUpdateEntry>> maintenanceUpdates(Collection<UUID> maintenanceIds, int limitPerMaintenance);

    /** Every component, ungrouped first, then by group and name. */
    List<ComponentView> components();

    Optional<ComponentView> component(String id);

    /** The status changes of one component, by version. */
    List<StatusChange> statusChanges(String componentId);

    /** The status changes of every component that occurred at or after {@code since}, by component. */
    Map<String, List<StatusChange>> statusChangesSince(Instant since);

    /** The gaps recorded in the current generation, newest first. */
    List<Gap> gaps(int limit);

    long gapCount();

    /** The generation reads go through. */
    long currentGeneration();
}
