package io.sitrep.incidentservice.incident;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentOpened;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Where incidents are kept. Changes happen inside the caller's transaction. */
public interface Incidents {

    /** The incident, locked against concurrent change until the transaction ends. */
    Optional<Incident> lock(IncidentId id);

    /** Stores a newly opened incident. */
    void add(Incident incident, IncidentOpened event);

    /** Stores the incident after {@code event} changed it. */
    void save(Incident incident, IncidentEvent event);

    /**
     * One update of the incident as it now reads, with its revision; empty when the incident has no such update.
     */
    Optional<IncidentDetails.TimelineEntry> update(IncidentId id, UUID updateId);

    /** The earlier texts of one update, oldest first; empty when the incident has no such update. */
    Optional<List<IncidentDetails.Revision>> revisions(IncidentId id, UUID updateId);

    /** The incident with its newest {@code newestUpdates} updates and its postmortem; empty when it was deleted. */
    Optional<IncidentDetails> details(IncidentId id, int newestUpdates);

    /**
     * A page of the incident's timeline: up to {@code limit} updates after version {@code afterVersion},
     * in version order; empty when there is no such incident.
     */
    Optional<List<IncidentDetails.TimelineEntry>> updates(IncidentId id, long afterVersion, int limit);

    /**
     * Of {@code componentIds}, those that another open incident (not {@code except}) affects with a
     * status other than operational.
     */
    Set<String> affectedByOtherOpenIncidents(IncidentId except, Collection<String> componentIds);

    /**
     * Of {@code componentIds}, those that an open incident affects with a status other than operational,
     * each with the most severe such status.
     */
    Map<String, ComponentStatus> statusesGivenByOpenIncidents(Collection<String> componentIds);
}
