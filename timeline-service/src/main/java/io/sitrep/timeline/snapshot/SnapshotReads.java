package io.sitrep.timeline.snapshot;

import io.sitrep.timeline.readmodel.ComponentView;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.MaintenanceQuery;
import io.sitrep.timeline.readmodel.MaintenanceUpdateEntry;
import io.sitrep.timeline.readmodel.MaintenanceView;
import io.sitrep.timeline.readmodel.PostmortemView;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.readmodel.TimelineEntry;

import java.time.Instant;
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
 *
 * <p>Timelines and postmortems are also handed from one build to the next ({@link Carried}): within one generation an
 * incident's version names them, since every event that changes an incident's timeline or postmortem gives the incident a
 * new version in the same transaction. So a build reads them only for the incidents whose version changed, and hands the
 * surfaces the very lists the build before read, whose equality with what they kept is then a matter of identity.
 */
public final class SnapshotReads {

    private final ReadModels readModels;
    private final Map<Object, Object> values = new HashMap<>();
    /** Per family (what is read, with its limits), the value read for each id; null for an id the read did not answer. */
    private final Map<Object, Map<Object, Object>> byId = new HashMap<>();
    /** The version of each incident this build listed: what names its timeline and postmortem. */
    private final Map<UUID, Long> versions = new HashMap<>();
    private final Carried earlier;
    /** Per family, what this build read or took over by version: handed to the next build. */
    private final Map<Object, Map<UUID, Held>> carry = new HashMap<>();
    private Long generation;
    /** Set when the build's transaction has ended: a read not made by then would read outside it, so it is refused. */
    private boolean ended;

    SnapshotReads(ReadModels readModels) {
        this(readModels, null);
    }

    /** Reads that take over, from {@code earlier} (null for none), what the build before read for an incident's same version. */
    SnapshotReads(ReadModels readModels, Carried earlier) {
        this.readModels = readModels;
        this.earlier = earlier;
    }

    /**
     * What one build read by incident version, for the next: only what that build used, so what is held does not outgrow
     * what a build reads.
     */
    static final class Carried {

        private final long generation;
        private final Map<Object, Map<UUID, Held>> byFamily;

        private Carried(long generation, Map<Object, Map<UUID, Held>> byFamily) {
            this.generation = generation;
            this.byFamily = byFamily;
        }

        /** How many values are held, over every family. */
        int size() {
            return byFamily.values().stream().mapToInt(Map::size).sum();
        }
    }

    /** A value read for an incident's version; null for an incident without one (no public entries, no postmortem). */
    private record Held(long version, Object value) {
    }

    /** What this build read by incident version, to hand to the next; the build before's when this one read none. */
    Carried carriedOver() {
        return generation == null ? earlier : new Carried(generation, carry);
    }

    /** The build's transaction has ended: what was read is still answered, anything else is refused. */
    void end() {
        ended = true;
    }

    private void mustBeReading(Object what) {
        if (ended) {
            throw new IllegalStateException("the snapshot's read has ended; " + what + " was not read within it");
        }
    }

    ReadModels readModels() {
        return readModels;
    }

    public List<ComponentView> components() {
        return once("components", readModels::components);
    }

    public List<IncidentView> openIncidents() {
        return listed(once("open", readModels::openIncidents));
    }

    public List<IncidentView> recentIncidents(int limit) {
        return listed(once(List.of("recent", limit), () -> readModels.recentIncidents(limit)));
    }

    public List<IncidentView> resolvedSince(Instant since, int limit) {
        return listed(once(List.of("resolved", since, limit), () -> readModels.resolvedSince(since, limit)));
    }

    public List<MaintenanceView> maintenances(MaintenanceQuery query) {
        return once(query, () -> readModels.maintenances(query).items());
    }

    public Map<UUID, List<TimelineEntry>> timelines(Collection<UUID> incidentIds, int limitPerIncident, boolean withActors) {
        return byVersion(List.of("timelines", limitPerIncident, withActors), incidentIds,
                missing -> readModels.timelines(missing, limitPerIncident, withActors));
    }

    public Map<UUID, PostmortemView> postmortems(Collection<UUID> incidentIds) {
        return byVersion("postmortems", incidentIds, readModels::postmortems);
    }

    public Map<UUID, List<MaintenanceUpdateEntry>> maintenanceUpdates(Collection<UUID> maintenanceIds, int limitPerMaintenance) {
        return each(List.of("maintenanceUpdates", limitPerMaintenance), maintenanceIds,
                missing -> readModels.maintenanceUpdates(missing, limitPerMaintenance));
    }

    private List<IncidentView> listed(List<IncidentView> incidents) {
        for (IncidentView incident : incidents) {
            versions.put(incident.id(), incident.version());
        }
        return incidents;
    }

    /**
     * As {@link #each}, taking over from the build before the value of each incident listed at the same version in the
     * same generation, and reading the rest.
     */
    private <V> Map<UUID, V> byVersion(Object family, Collection<UUID> ids, Function<List<UUID>, Map<UUID, V>> read) {
        Map<UUID, Held> carried = carry.computeIfAbsent(family, key -> new HashMap<>());
        long reading = generation();
        Map<UUID, Held> before = earlier != null && earlier.generation == reading ? earlier.byFamily.get(family) : null;
        Map<Object, Object> known = byId.computeIfAbsent(family, key -> new HashMap<>());
        for (UUID id : ids) {
            Long version = versions.get(id);
            Held held = before == null || version == null ? null : before.get(id);
            if (held != null && held.version() == version && !known.containsKey(id)) {
                known.put(id, held.value());
                carried.put(id, held);
            }
        }
        return each(family, ids, missing -> {
            Map<UUID, V> answered = read.apply(missing);
            for (UUID id : missing) {
                Long version = versions.get(id);
                if (version != null) {
                    carried.put(id, new Held(version, answered.get(id)));
                }
            }
            return answered;
        });
    }

    private long generation() {
        if (generation == null) {
            mustBeReading("the generation");
            generation = readModels.currentGeneration();
        }
        return generation;
    }

    @SuppressWarnings("unchecked")
    private <T> T once(Object key, Supplier<T> read) {
        if (values.containsKey(key)) {
            return (T) values.get(key);
        }
        mustBeReading(key);
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
            mustBeReading(family + " of " + missing);
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
