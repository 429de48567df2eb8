package io.sitrep.incidentservice.restore;

import io.sitrep.events.ComponentEvent;
import io.sitrep.events.ComponentSnapshot;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.SitrepEvent;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The aggregates a sequence of events describes: each incident's and maintenance window's events by version, and
 * each component's newest snapshot. An event seen twice (the relay publishes at least once) counts once: the
 * first of a version wins.
 */
final class LoggedState {

    private final Map<UUID, NavigableMap<Long, IncidentEvent>> incidents = new HashMap<>();
    private final Map<UUID, NavigableMap<Long, MaintenanceEvent>> maintenances = new HashMap<>();
    private final Map<String, ComponentSnapshot> components = new HashMap<>();

    static LoggedState of(Collection<? extends SitrepEvent> events) {
        LoggedState state = new LoggedState();
        state.addAll(events);
        return state;
    }

    void addAll(Collection<? extends SitrepEvent> events) {
        for (SitrepEvent event : events) {
            add(event);
        }
    }

    void add(SitrepEvent event) {
        if (event instanceof IncidentEvent incident) {
            incidents.computeIfAbsent(incident.incidentId(), id -> new TreeMap<>()).putIfAbsent(incident.version(), incident);
        } else if (event instanceof MaintenanceEvent maintenance) {
            maintenances.computeIfAbsent(maintenance.maintenanceId(), id -> new TreeMap<>()).putIfAbsent(maintenance.version(), maintenance);
        } else if (event instanceof ComponentEvent component) {
            components.merge(component.componentId(), component.component(), (a, b) -> b.version() > a.version() ? b : a);
        }
    }

    Map<UUID, NavigableMap<Long, IncidentEvent>> incidents() {
        return incidents;
    }

    Map<UUID, NavigableMap<Long, MaintenanceEvent>> maintenances() {
        return maintenances;
    }

    Map<String, ComponentSnapshot> components() {
        return components;
    }

    static <E> List<E> after(NavigableMap<Long, E> events, long version) {
        return List.copyOf(events.tailMap(version, false).values());
    }
}
