package io.sitrep.timeline.snapshot;

import io.sitrep.timeline.readmodel.ComponentView;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.MaintenanceQuery;
import io.sitrep.timeline.readmodel.MaintenanceUpdateEntry;
import io.sitrep.timeline.readmodel.MaintenanceView;
import io.sitrep.timeline.readmodel.PostmortemView;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.readmodel.TimelineEntry;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reads several public surfaces make, made once per snapshot's build: the page, the Statuspage-compatible API and the
 * feeds all list the components, the open and the recent incidents with their timelines. Within the build's one
 * repeatable-read transaction a second read would answer the same, so answering it from the first changes no byte and
 * saves the queries; a timeline (or postmortem, or maintenance window's updates) read for one surface is not read again
 * for another. Lives as long as one build; not for concurrent use.
 */
public final class SnapshotReads {

    private final ReadModels readModels;
    private final Map<Object, Object> values = new HashMap<>();
    /** Per family (what is read, with its limits), the value read for each id; null for an id the read did not answer. */
    private final Map<Object, Map<Object, Object>> byId = new HashMap<>();

    SnapshotReads(ReadModels readModels) {
        this.readModels = readModels;
    }

    ReadModels readModels() {
        return readModels;
    }

    public List<ComponentView> components() {
        return once("components", readModels::components);
    }

    public List<IncidentView> openIncidents() {
        return once("open", readModels::openIncidents);
    }

    public List<IncidentView> recentIncidents(int limit) {
        return once(List.of("recent", limit), () -> readModels.recentIncidents(limit));
    }

    public List<MaintenanceView> maintenances(MaintenanceQuery query) {
        return once(query, () -> readModels.maintenances(query).items());
    }

    public Map<UUID, List<TimelineEntry>> timelines(Collection<UUID> incidentIds, int limitPerIncident, boolean withActors) {
        return each(List.of("timelines", limitPerIncident, withActors), incidentIds,
                missing -> readModels.timelines(missing, limitPerIncident, withActors));
    }

    public Map<UUID, PostmortemView> postmortems(Collection<UUID> incidentIds) {
        return each("postmortems", incidentIds, readModels::postmortems);
    }

    public Map<UUID, List<MaintenanceUpdateEntry>> maintenanceUpdates(Collection<UUID> maintenanceIds, int limitPerMaintenance) {
        return each(List.of("maintenanceUpdates", limitPerMaintenance), maintenanceIds,
                missing -> readModels.maintenanceUpdates(missing, limitPerMaintenance));
    }

    @SuppressWarnings("unchecked")
    private <T> T once(Object key, Supplier<T> read) {
        if (values.containsKey(key)) {
            return (T) values.get(key);
        }
        T value = read.get();
        values.put(key, value);
        return value;
    }

    /** The values of these ids, in their order, reading only those not read yet in this build. */
    @SuppressWarnings("unchecked")
    private <V> Map<UUID, V> each(Object family, Collection<UUID> ids, Function<List<UUID>, Map<UUID, V>> read) {
        Map<Object, Object> known = byId.computeIfAbsent(family, key -> new HashMap<>());
        Set<UUID> missing = new LinkedHashSet<>();
        for (UUID id : ids) {
            if (!known.containsKey(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            Map<UUID, V> answered = read.apply(List.copyOf(missing));
            for (UUID id : missing) {
                known.put(id, answered.get(id));
            }
        }
        Map<UUID, V> result = new LinkedHashMap<>();
        for (UUID id : ids) {
            V value = (V) known.get(id);
            if (value != null) {
                result.put(id, value);
            }
        }
        return result;
    }
}
