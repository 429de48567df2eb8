package io.sitrep.incidentservice.restore;

import io.sitrep.events.AffectedComponent;
import io.sitrep.events.ComponentSnapshot;
import io.sitrep.events.IncidentDeleted;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentLifecycleEvent;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentUpdateEdited;
import io.sitrep.events.MaintenanceComponent;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.events.MaintenanceUpdate;
import io.sitrep.events.Postmortem;
import io.sitrep.events.PostmortemPublished;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.UndecodableEvent;
import io.sitrep.incidentservice.component.Component;
import io.sitrep.incidentservice.component.Components;
import io.sitrep.incidentservice.incident.Incident;
import io.sitrep.incidentservice.incident.IncidentId;
import io.sitrep.incidentservice.incident.Incidents;
import io.sitrep.incidentservice.maintenance.Maintenance;
import io.sitrep.incidentservice.maintenance.Maintenances;
import io.sitrep.incidentservice.restore.RestoreReport.IncidentVersion;
import io.sitrep.incidentservice.restore.RestoreReport.State;
import io.sitrep.incidentservice.restore.RestoreReport.TableReport;
import io.sitrep.incidentservice.restore.StoredState.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Restores incident-service's state from its event log. Every incident and maintenance event carries the whole
 * aggregate, and the log holds each aggregate's events in version order; the outbox holds those not published yet.
 * A restore replays, through the aggregates' own repositories, the events of each aggregate the tables lack or
 * hold at an older version, so the rows come back as the commands first wrote them: updates, revisions,
 * postmortems, tombstones and versions. Nothing goes through the outbox, so the relay publishes nothing again;
 * the outbox's own rows stay and are published as usual.
 */
public class Restorer {

    private static final Logger log = LoggerFactory.getLogger(Restorer.class);

    static final List<String> NOT_RESTORED = List.of(
            "incident_templates: templates are configuration and publish no events",
            "idempotency_keys: events do not carry the Idempotency-Key; stored answers that survived stay effective",
            "integration_links: events do not carry alert group or dedup keys; a repeated alert opens a new incident",
            "audit_log: commands are not events");

    private final EventLog eventLog;
    private final StoredState stored;
    private final Incidents incidents;
    private final Components components;
    private final Maintenances maintenances;
    private final TransactionTemplate transactions;
    private final RestoreGate gate;
    private final Clock clock;
    private final EventCodec codec = new EventCodec();
    private final AtomicBoolean running = new AtomicBoolean();

    public Restorer(EventLog eventLog, StoredState stored, Incidents incidents, Components components, Maintenances maintenances,
                    TransactionTemplate transactions, RestoreGate gate, Clock clock) {
        this.eventLog = eventLog;
        this.stored = stored;
        this.incidents = incidents;
        this.components = components;
        this.maintenances = maintenances;
        this.transactions = transactions;
        this.gate = gate;
        this.clock = clock;
    }

    /** What a restore would do; changes nothing. */
    public RestoreReport dryRun() {
        if (!running.compareAndSet(false, true)) {
            throw new RestoreInProgress();
        }
        try {
            Instant started = clock.instant();
            EventLog.Read read = read();
            LoggedState state = LoggedState.of(read.events());
            int pending = addPending(state);
            Comparison before = compare(state);
            return report(false, started, read, before, null, pending);
        } finally {
            running.set(false);
        }
    }

    /**
     * Restores what the tables lack. Writes on this instance are refused meanwhile; the tables are locked while
     * it writes, so writes of other instances wait for it.
     */
    public RestoreReport apply() {
        if (!running.compareAndSet(false, true)) {
            throw new RestoreInProgress();
        }
        Instant started = clock.instant();
        if (!gate.close(started)) {
            running.set(false);
            throw new RestoreInProgress();
        }
        try {
            log.info("Restoring the state from the event log; writes are refused until it ends");
            EventLog.Read read = read();
            RestoreReport report = transactions.execute(status -> {
                stored.lockForRestore();
                LoggedState state = LoggedState.of(read.events());
                int pending = addPending(state);
                Comparison before = compare(state);
                replay(state, before);
                Comparison after = compare(state);
                return report(true, started, read, before, after, pending);
            });
            log.info("Restored the state from {} records of the event log", read.records());
            return report;
        } catch (RestoreInProgress | RestoreFailed e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("The restore failed and changed nothing", e);
            throw new RestoreFailed(e.getClass().getSimpleName(), e);
        } finally {
            gate.open();
            running.set(false);
        }
    }

    private EventLog.Read read() {
        try {
            return eventLog.all();
        } catch (RuntimeException e) {
            throw new RestoreFailed("the event log could not be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Counts the outbox's events into the state, after the log's: they come after what the broker has. */
    private int addPending(LoggedState state) {
        List<StoredState.PendingEvent> pending = stored.pendingEvents();
        for (StoredState.PendingEvent event : pending) {
            try {
                state.add(codec.decode(event.type(), event.data()));
            } catch (UndecodableEvent e) {
                log.warn("An outbox row does not decode ({}); the restore leaves it to the relay", e.getMessage());
            }
        }
        return pending.size();
    }

    private void replay(LoggedState state, Comparison before) {
        Map<String, Long> componentVersions = before.versions.get(Table.COMPONENTS);
        state.components().values().stream().sorted(Comparator.comparing(ComponentSnapshot::id)).forEach(snapshot -> {
            Long version = componentVersions.get(snapshot.id());
            if (version == null) {
                components.addIfAbsent(Component.restore(snapshot));
            } else if (version < snapshot.version()) {
                components.save(Component.restore(snapshot));
            }
        });
        Map<String, Long> incidentVersions = before.versions.get(Table.INCIDENTS);
        state.incidents().forEach((id, events) -> {
            Long version = incidentVersions.get(id.toString());
            if (restorable(events, version)) {
                replayIncident(id, LoggedState.after(events, version == null ? 0 : version), version != null);
            }
        });
        Map<String, Long> maintenanceVersions = before.versions.get(Table.MAINTENANCES);
        state.maintenances().forEach((id, events) -> {
            Long version = maintenanceVersions.get(id.toString());
            if (restorable(events, version)) {
                replayMaintenance(LoggedState.after(events, version == null ? 0 : version), version != null);
            }
        });
    }

    /** The log has every version after the table's, and at least one. */
    private static <E> boolean restorable(NavigableMap<Long, E> events, Long version) {
        long from = version == null ? 0 : version;
        long expected = from + 1;
        for (long v : events.tailMap(from, false).keySet()) {
            if (v != expected++) {
                return false;
            }
        }
        return expected > from + 1;
    }

    private void replayIncident(UUID id, List<IncidentEvent> events, boolean stored) {
        Postmortem postmortem = null;
        int first = 0;
        if (stored) {
            postmortem = incidents.lock(new IncidentId(id)).flatMap(Incident::postmortem).orElse(null);
        } else {
            IncidentOpened opened = (IncidentOpened) events.get(0);
            incidents.add(Incident.restore(opened.incident(), null, false), opened);
            first = 1;
        }
        for (IncidentEvent event : events.subList(first, events.size())) {
            if (event instanceof PostmortemPublished published) {
                postmortem = published.postmortem();
            }
            incidents.save(Incident.restore(event.incident(), postmortem, event instanceof IncidentDeleted), event);
        }
    }

    private void replayMaintenance(List<MaintenanceEvent> events, boolean stored) {
        int first = 0;
        if (!stored) {
            MaintenanceScheduled scheduled = (MaintenanceScheduled) events.get(0);
            maintenances.add(Maintenance.restore(scheduled.maintenance()), scheduled);
            first = 1;
        }
        for (MaintenanceEvent event : events.subList(first, events.size())) {
            maintenances.save(Maintenance.restore(event.maintenance()), List.of(event));
        }
    }

    /** The tables against the state: versions of the aggregates, keys of the rows that depend on them. */
    private Comparison compare(LoggedState state) {
        Comparison comparison = new Comparison();
        for (Table table : List.of(Table.COMPONENTS, Table.INCIDENTS, Table.MAINTENANCES)) {
            comparison.versions.put(table, stored.versions(table, null));
        }
        Map<Table, Set<String>> expected = expectedKeys(state);
        for (Table table : Table.values()) {
            Set<String> inLog = expected.get(table);
            long missing;
            long differ = 0;
            if (comparison.versions.containsKey(table)) {
                Map<String, Long> versions = comparison.versions.get(table);
                Map<String, Long> newest = newest(state, table);
                missing = newest.keySet().stream().filter(id -> !versions.containsKey(id)).count();
                differ = newest.entrySet().stream()
                        .filter(e -> versions.containsKey(e.getKey()) && versions.get(e.getKey()) < e.getValue()).count();
            } else {
                Set<String> keys = stored.keys(table);
                missing = inLog.stream().filter(key -> !keys.contains(key)).count();
            }
            comparison.tables.put(table, new long[] {inLog.size(), missing, differ});
        }
        return comparison;
    }

    private static Map<String, Long> newest(LoggedState state, Table table) {
        Map<String, Long> newest = new HashMap<>();
        switch (table) {
            case COMPONENTS -> state.components().forEach((id, s) -> newest.put(id, s.version()));
            case INCIDENTS -> state.incidents().forEach((id, e) -> newest.put(id.toString(), e.lastKey()));
            case MAINTENANCES -> state.maintenances().forEach((id, e) -> newest.put(id.toString(), e.lastKey()));
            default -> throw new IllegalArgumentException(table.name());
        }
        return newest;
    }

    /** The rows the state describes, keyed as {@link StoredState#keys} spells them. */
    private static Map<Table, Set<String>> expectedKeys(LoggedState state) {
        Map<Table, Set<String>> keys = new EnumMap<>(Table.class);
        for (Table table : Table.values()) {
            keys.put(table, new HashSet<>());
        }
        keys.get(Table.COMPONENTS).addAll(state.components().keySet());
        state.incidents().forEach((id, events) -> {
            keys.get(Table.INCIDENTS).add(id.toString());
            for (AffectedComponent component : events.lastEntry().getValue().incident().components()) {
                keys.get(Table.INCIDENT_COMPONENTS).add(id + ":" + component.id());
            }
            for (IncidentEvent event : events.values()) {
                if (event instanceof IncidentLifecycleEvent lifecycle) {
                    keys.get(Table.INCIDENT_UPDATES).add(lifecycle.update().id().toString());
                }
                if (event instanceof IncidentUpdateEdited edited) {
                    keys.get(Table.INCIDENT_UPDATE_REVISIONS).add(edited.updateId() + ":" + (edited.revision() - 1));
                }
            }
        });
        state.maintenances().forEach((id, events) -> {
            keys.get(Table.MAINTENANCES).add(id.toString());
            for (MaintenanceComponent component : events.lastEntry().getValue().maintenance().components()) {
                keys.get(Table.MAINTENANCE_COMPONENTS).add(id + ":" + component.id());
            }
            for (MaintenanceEvent event : events.values()) {
                MaintenanceUpdate update = event.postedUpdate();
                if (update != null) {
                    keys.get(Table.MAINTENANCE_UPDATES).add(update.id().toString());
                }
            }
        });
        return keys;
    }

    private RestoreReport report(boolean applied, Instant started, EventLog.Read read, Comparison before, Comparison after,
                                 int pending) {
        List<TableReport> tables = new ArrayList<>();
        for (Table table : Table.values()) {
            long[] b = before.tables.get(table);
            long restored = after == null ? 0 : (b[1] + b[2]) - (after.tables.get(table)[1] + after.tables.get(table)[2]);
            tables.add(new TableReport(table.sqlName(), b[0], b[1], b[2], restored));
        }
        return new RestoreReport(applied, started, clock.instant(), read.records(), read.undecodable(), tables,
                incidentVersions(read, before), pending, NOT_RESTORED);
    }

    private List<IncidentVersion> incidentVersions(EventLog.Read read, Comparison before) {
        LoggedState state = LoggedState.of(read.events());
        Map<String, Long> versions = before.versions.get(Table.INCIDENTS);
        List<IncidentVersion> list = new ArrayList<>();
        state.incidents().forEach((id, events) -> {
            Long version = versions.get(id.toString());
            long newest = events.lastKey();
            State s;
            if (version != null && version == newest) {
                s = State.CURRENT;
            } else if (version != null && version > newest) {
                s = State.AHEAD;
            } else if (!restorable(events, version)) {
                s = State.INCOMPLETE;
            } else {
                s = version == null ? State.MISSING : State.BEHIND;
            }
            list.add(new IncidentVersion(id, newest, version, s.wireName()));
        });
        list.sort(Comparator.comparing(IncidentVersion::id));
        return list;
    }

    private static final class Comparison {
        final Map<Table, Map<String, Long>> versions = new EnumMap<>(Table.class);
        final Map<Table, long[]> tables = new EnumMap<>(Table.class);
    }
}
