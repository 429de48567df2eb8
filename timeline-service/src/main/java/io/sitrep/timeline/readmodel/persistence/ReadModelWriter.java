package io.sitrep.timeline.readmodel.persistence;

import io.sitrep.events.ComponentEvent;
import io.sitrep.events.ComponentSnapshot;
import io.sitrep.events.ComponentStatusChanged;
import io.sitrep.events.IncidentDeleted;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentLifecycleEvent;
import io.sitrep.events.IncidentSnapshot;
import io.sitrep.events.IncidentUpdate;
import io.sitrep.events.IncidentUpdateEdited;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.MaintenanceSnapshot;
import io.sitrep.events.MaintenanceUpdate;
import io.sitrep.events.PostmortemPublished;
import io.sitrep.events.SitrepEvent;
import io.sitrep.timeline.readmodel.Gap;
import io.sitrep.timeline.readmodel.VersionCheck;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Applies events, in order, to one generation of the read models, inside the caller's transaction:
 * checks each event's version against the one applied for its aggregate, records gaps, and writes the
 * snapshots, timeline entries, postmortems, status changes, and maintenance windows with their updates.
 * A corrected update replaces its entry's text; a deleted incident leaves only a tombstone row (visibility
 * {@code deleted}, no title, no components) that holds its version. Applying the same events twice changes nothing.
 *
 * <p>A batch costs a fixed number of round trips whatever its size: one to lock its aggregates, one per
 * aggregate type to read the versions applied, and one JDBC batch per table written. Within the batch
 * the versions are followed in memory, so an aggregate's consecutive events check against each other.
 */
@Repository
public class ReadModelWriter {

    private static final String UPSERT_INCIDENT = """
            INSERT INTO incidents (generation, id, version, last_event_id, title, status, impact, components,
                                   created_at, updated_at, resolved_at, visibility)
            VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?)
            ON CONFLICT (generation, id) DO UPDATE SET
                version = EXCLUDED.version, last_event_id = EXCLUDED.last_event_id, title = EXCLUDED.title,
                status = EXCLUDED.status, impact = EXCLUDED.impact, components = EXCLUDED.components,
                created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, resolved_at = EXCLUDED.resolved_at,
                visibility = EXCLUDED.visibility""";
    private static final String INSERT_INCIDENT_VERSION = """
            INSERT INTO incident_versions (generation, incident_id, version, title, status, impact, components,
                                           created_at, updated_at, resolved_at, occurred_at, published_at, visibility)
            VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final String INSERT_TIMELINE_ENTRY = """
            INSERT INTO timeline_entries (generation, incident_id, version, event_id, event_type, update_id, status,
                                          previous_status, impact, previous_impact, message, component_changes,
                                          occurred_at, published_at, visibility, actor)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final String UPSERT_POSTMORTEM = """
            INSERT INTO postmortems (generation, incident_id, revision, version, body, occurred_at, published_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (generation, incident_id, revision) DO UPDATE SET
                version = EXCLUDED.version, body = EXCLUDED.body,
                occurred_at = EXCLUDED.occurred_at, published_at = EXCLUDED.published_at""";
    private static final String UPSERT_COMPONENT = """
            INSERT INTO components (generation, id, version, last_event_id, name, group_name, description, status,
                                    created_at, updated_at, position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (generation, id) DO UPDATE SET
                version = EXCLUDED.version, last_event_id = EXCLUDED.last_event_id, name = EXCLUDED.name,
                group_name = EXCLUDED.group_name, description = EXCLUDED.description, status = EXCLUDED.status,
                updated_at = EXCLUDED.updated_at, position = EXCLUDED.position""";
    private static final String INSERT_STATUS_CHANGE = """
            INSERT INTO component_status_history (generation, component_id, version, status, previous_status,
                                                  incident_id, occurred_at, published_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final String UPSERT_MAINTENANCE = """
            INSERT INTO maintenances (generation, id, version, last_event_id, title, status, components, scheduled_for,
                                      scheduled_until, auto_start, auto_complete, remind_before, created_at, updated_at,
                                      reminded_at, started_at, completed_at, cancelled_at)
            VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (generation, id) DO UPDATE SET
                version = EXCLUDED.version, last_event_id = EXCLUDED.last_event_id, title = EXCLUDED.title,
                status = EXCLUDED.status, components = EXCLUDED.components, scheduled_for = EXCLUDED.scheduled_for,
                scheduled_until = EXCLUDED.scheduled_until, auto_start = EXCLUDED.auto_start,
                auto_complete = EXCLUDED.auto_complete, remind_before = EXCLUDED.remind_before,
                created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, reminded_at = EXCLUDED.reminded_at,
                started_at = EXCLUDED.started_at, completed_at = EXCLUDED.completed_at, cancelled_at = EXCLUDED.cancelled_at""";
    private static final String INSERT_MAINTENANCE_VERSION = """
            INSERT INTO maintenance_versions (generation, maintenance_id, version, title, status, components, scheduled_for,
                                              scheduled_until, auto_start, auto_complete, remind_before, created_at,
                                              updated_at, reminded_at, started_at, completed_at, cancelled_at,
                                              occurred_at, published_at)
            VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final String INSERT_MAINTENANCE_UPDATE = """
            INSERT INTO maintenance_updates (generation, maintenance_id, version, event_id, event_type, update_id, status,
                                             previous_status, message, occurred_at, published_at, actor)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final String INSERT_GAP = """
            INSERT INTO version_gaps (generation, aggregate_type, aggregate_id, expected_version, received_version,
                                      event_id, event_type, published_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public ReadModelWriter(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Applies the events in order to the generation; returns what became of each, in the same order.
     *
     * @throws IllegalArgumentException for an event that is not an incident's, a component's or a maintenance window's
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ApplyResult> apply(List<? extends SitrepEvent> events, long generation) {
        if (events.isEmpty()) {
            return List.of();
        }
        Batch batch = new Batch(generation);
        for (SitrepEvent event : events) {
            if (event instanceof IncidentEvent incident) {
                batch.incidents.put(incident.incidentId(), 0L);
            } else if (event instanceof ComponentEvent component) {
                batch.components.put(component.componentId(), 0L);
            } else if (event instanceof MaintenanceEvent maintenance) {
                batch.maintenances.put(maintenance.maintenanceId(), 0L);
            } else {
                throw new IllegalArgumentException(event.type().wireName() + " is not an incident, component or maintenance event");
            }
        }
        lock(batch);
        readVersions(batch);
        List<ApplyResult> results = new ArrayList<>(events.size());
        for (SitrepEvent event : events) {
            if (event instanceof IncidentEvent incident) {
                results.add(batch.incident(incident));
            } else if (event instanceof ComponentEvent component) {
                results.add(batch.component(component));
            } else {
                results.add(batch.maintenance((MaintenanceEvent) event));
            }
        }
        batch.write();
        return results;
    }

    /**
     * One aggregate of one generation is changed by one transaction at a time, even across instances.
     * The locks are taken in the order of their keys, so two batches sharing aggregates cannot deadlock.
     */
    private void lock(Batch batch) {
        TreeSet<String> keys = new TreeSet<>();
        batch.incidents.keySet().forEach(id -> keys.add(batch.generation + ":incident:" + id));
        batch.components.keySet().forEach(id -> keys.add(batch.generation + ":component:" + id));
        batch.maintenances.keySet().forEach(id -> keys.add(batch.generation + ":maintenance:" + id));
        jdbc.query("""
                        SELECT pg_advisory_xact_lock(key) FROM (
                            SELECT hashtextextended(k, 0) AS key FROM unnest(CAST(? AS text[])) AS k ORDER BY 1) AS ordered""",
                rs -> {
                }, (Object) keys.toArray(String[]::new));
    }

    private void readVersions(Batch batch) {
        if (!batch.incidents.isEmpty()) {
            jdbc.query("SELECT id, version FROM incidents WHERE generation = ? AND id = ANY (CAST(? AS uuid[]))",
                    rs -> {
                        batch.incidents.put(rs.getObject("id", UUID.class), rs.getLong("version"));
                    }, batch.generation, batch.incidents.keySet().stream().map(UUID::toString).toArray(String[]::new));
        }
        if (!batch.components.isEmpty()) {
            jdbc.query("SELECT id, version FROM components WHERE generation = ? AND id = ANY (CAST(? AS text[]))",
                    rs -> {
                        batch.components.put(rs.getString("id"), rs.getLong("version"));
                    }, batch.generation, batch.components.keySet().toArray(String[]::new));
        }
        if (!batch.maintenances.isEmpty()) {
            jdbc.query("SELECT id, version FROM maintenances WHERE generation = ? AND id = ANY (CAST(? AS uuid[]))",
                    rs -> {
                        batch.maintenances.put(rs.getObject("id", UUID.class), rs.getLong("version"));
                    }, batch.generation, batch.maintenances.keySet().stream().map(UUID::toString).toArray(String[]::new));
        }
    }

    /** The rows one batch writes, gathered in event order while the versions are checked in memory. */
    private final class Batch {

        final long generation;
        /** Per aggregate, the version applied so far: read from the database, then advanced by this batch. */
        final Map<UUID, Long> incidents = new HashMap<>();
        final Map<String, Long> components = new HashMap<>();
        final Map<UUID, Long> maintenances = new HashMap<>();
        /** Per aggregate, the last event this batch applies: its snapshot is the one stored. */
        final Map<UUID, IncidentEvent> latestIncidents = new LinkedHashMap<>();
        final Map<String, ComponentEvent> latestComponents = new LinkedHashMap<>();
        final Map<UUID, MaintenanceEvent> latestMaintenances = new LinkedHashMap<>();
        /** A component's first applied event dates it, as when each event was applied alone. */
        final Map<String, Instant> componentsFirstSeen = new HashMap<>();
        final List<Object[]> incidentVersions = new ArrayList<>();
        final List<Object[]> timelineEntries = new ArrayList<>();
        final List<Object[]> postmortems = new ArrayList<>();
        final List<Object[]> statusChanges = new ArrayList<>();
        final List<Object[]> maintenanceVersions = new ArrayList<>();
        final List<Object[]> maintenanceUpdates = new ArrayList<>();
        final List<Object[]> gaps = new ArrayList<>();
        /** Corrected entry texts and deleted incidents, applied after the rows this batch inserts. */
        final List<Object[]> entryCorrections = new ArrayList<>();
        final List<Object[]> deletions = new ArrayList<>();

        Batch(long generation) {
            this.generation = generation;
        }

        ApplyResult incident(IncidentEvent event) {
            UUID id = event.incidentId();
            ApplyResult result = check(event, "incident", incidents.get(id));
            if (!result.check().applies()) {
                return result;
            }
            incidents.put(id, event.version());
            latestIncidents.put(id, event);
            IncidentSnapshot incident = event.incident();
            incidentVersions.add(new Object[] {generation, id, event.version(), incident.title(), incident.status().wireName(),
                    incident.impact().wireName(), StorableText.ofJson(json.writeValueAsString(incident.components())), ts(incident.createdAt()),
                    ts(incident.updatedAt()), ts(incident.resolvedAt()), ts(event.occurredAt()), ts(event.publishedAt()),
                    incident.visibility().wireName()});
            if (event instanceof IncidentLifecycleEvent lifecycle) {
                IncidentUpdate update = lifecycle.update();
                timelineEntries.add(new Object[] {generation, id, event.version(), event.eventId(), event.type().wireName(),
                        update.id(), update.status().wireName(),
                        update.previousStatus() == null ? null : update.previousStatus().wireName(),
                        update.impact().wireName(), update.previousImpact() == null ? null : update.previousImpact().wireName(),
                        update.message(), StorableText.ofJson(json.writeValueAsString(update.componentChanges())), ts(event.occurredAt()),
                        ts(event.publishedAt()), incident.visibility().wireName(), event.actor()});
            }
            if (event instanceof IncidentUpdateEdited edited) {
                entryCorrections.add(new Object[] {edited.message(), generation, id, edited.updateId()});
            }
            if (event instanceof IncidentDeleted) {
                deletions.add(new Object[] {generation, id});
            }
            if (event instanceof PostmortemPublished postmortem) {
                postmortems.add(new Object[] {generation, id, postmortem.postmortem().revision(), event.version(),
                        postmortem.postmortem().body(), ts(event.occurredAt()), ts(event.publishedAt())});
            }
            return result;
        }

        ApplyResult component(ComponentEvent event) {
            String id = event.componentId();
            ApplyResult result = check(event, "component", components.get(id));
            if (!result.check().applies()) {
                return result;
            }
            components.put(id, event.version());
            latestComponents.put(id, event);
            componentsFirstSeen.putIfAbsent(id, event.occurredAt());
            if (event instanceof ComponentStatusChanged changed) {
                statusChanges.add(new Object[] {generation, id, event.version(), changed.status().wireName(),
                        changed.previousStatus().wireName(), changed.incidentId(), ts(event.occurredAt()), ts(event.publishedAt())});
            }
            return result;
        }

        ApplyResult maintenance(MaintenanceEvent event) {
            UUID id = event.maintenanceId();
            ApplyResult result = check(event, "maintenance", maintenances.get(id));
            if (!result.check().applies()) {
                return result;
            }
            maintenances.put(id, event.version());
            latestMaintenances.put(id, event);
            List<Object> version = new ArrayList<>(List.of(generation, id, event.version()));
            version.addAll(maintenanceColumns(event.maintenance()));
            version.add(ts(event.occurredAt()));
            version.add(ts(event.publishedAt()));
            maintenanceVersions.add(version.toArray());
            MaintenanceUpdate update = event.postedUpdate();
            if (update != null) {
                maintenanceUpdates.add(new Object[] {generation, id, event.version(), event.eventId(), event.type().wireName(),
                        update.id(), update.status().wireName(),
                        update.previousStatus() == null ? null : update.previousStatus().wireName(), update.message(),
                        ts(event.occurredAt()), ts(event.publishedAt()), event.actor()});
            }
            return result;
        }

        /** The snapshot's columns, from title to cancelled_at, as both maintenance tables hold them. */
        private List<Object> maintenanceColumns(MaintenanceSnapshot maintenance) {
            return Arrays.asList(maintenance.title(), maintenance.status().wireName(),
                    StorableText.ofJson(json.writeValueAsString(maintenance.components())), ts(maintenance.scheduledFor()),
                    ts(maintenance.scheduledUntil()), maintenance.autoStart(), maintenance.autoComplete(),
                    maintenance.remindBefore() == null ? null : maintenance.remindBefore().toString(), ts(maintenance.createdAt()),
                    ts(maintenance.updatedAt()), ts(maintenance.remindedAt()), ts(maintenance.startedAt()),
                    ts(maintenance.completedAt()), ts(maintenance.cancelledAt()));
        }

        private ApplyResult check(SitrepEvent event, String aggregateType, long applied) {
            VersionCheck check = VersionCheck.of(applied, event.version());
            if (check != VersionCheck.APPLY_AFTER_GAP) {
                return new ApplyResult(check, null);
            }
            Gap gap = new Gap(aggregateType, event.aggregateId(), applied + 1, event.version(), event.eventId(),
                    event.type().wireName(), event.publishedAt());
            gaps.add(new Object[] {generation, aggregateType, gap.aggregateId(), gap.expectedVersion(), gap.receivedVersion(),
                    gap.eventId(), gap.eventType(), ts(gap.publishedAt())});
            return new ApplyResult(check, gap);
        }

        void write() {
            List<Object[]> incidentRows = new ArrayList<>(latestIncidents.size());
            latestIncidents.forEach((id, event) -> {
                IncidentSnapshot incident = event.incident();
                incidentRows.add(new Object[] {generation, id, event.version(), event.eventId(), incident.title(),
                        incident.status().wireName(), incident.impact().wireName(), StorableText.ofJson(json.writeValueAsString(incident.components())),
                        ts(incident.createdAt()), ts(incident.updatedAt()), ts(incident.resolvedAt()), incident.visibility().wireName()});
            });
            List<Object[]> componentRows = new ArrayList<>(latestComponents.size());
            latestComponents.forEach((id, event) -> {
                ComponentSnapshot component = event.component();
                componentRows.add(new Object[] {generation, id, event.version(), event.eventId(), component.name(), component.group(),
                        component.description(), component.status().wireName(), ts(componentsFirstSeen.get(id)),
                        ts(component.updatedAt()), component.position()});
            });
            List<Object[]> maintenanceRows = new ArrayList<>(latestMaintenances.size());
            latestMaintenances.forEach((id, event) -> {
                List<Object> row = new ArrayList<>(List.of(generation, id, event.version(), event.eventId()));
                row.addAll(maintenanceColumns(event.maintenance()));
                maintenanceRows.add(row.toArray());
            });
            batchUpdate(INSERT_GAP, gaps);
            batchUpdate(UPSERT_INCIDENT, incidentRows);
            batchUpdate(INSERT_INCIDENT_VERSION, incidentVersions);
            batchUpdate(INSERT_TIMELINE_ENTRY, timelineEntries);
            batchUpdate(UPSERT_POSTMORTEM, postmortems);
            batchUpdate(UPSERT_COMPONENT, componentRows);
            batchUpdate(INSERT_STATUS_CHANGE, statusChanges);
            batchUpdate(UPSERT_MAINTENANCE, maintenanceRows);
            batchUpdate(INSERT_MAINTENANCE_VERSION, maintenanceVersions);
            batchUpdate(INSERT_MAINTENANCE_UPDATE, maintenanceUpdates);
            batchUpdate("UPDATE timeline_entries SET message = ? WHERE generation = ? AND incident_id = ? AND update_id = ?", entryCorrections);
            // A tombstone keeps only the row that holds the version, so a redelivered older event is skipped, not applied again.
            batchUpdate("""
                    UPDATE incidents SET visibility = 'deleted', title = '', components = '[]'::jsonb
                    WHERE generation = ? AND id = ?""", deletions);
            batchUpdate("DELETE FROM timeline_entries WHERE generation = ? AND incident_id = ?", deletions);
            batchUpdate("DELETE FROM incident_versions WHERE generation = ? AND incident_id = ?", deletions);
            batchUpdate("DELETE FROM postmortems WHERE generation = ? AND incident_id = ?", deletions);
        }

        private void batchUpdate(String sql, List<Object[]> rows) {
            if (!rows.isEmpty()) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] instanceof String text) {
                            row[i] = StorableText.of(text);
                        }
                    }
                }
                jdbc.batchUpdate(sql, rows);
            }
        }
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
