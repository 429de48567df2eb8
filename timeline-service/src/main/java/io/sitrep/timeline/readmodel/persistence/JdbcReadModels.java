package io.sitrep.timeline.readmodel.persistence;

import io.sitrep.events.AffectedComponent;
import io.sitrep.events.ComponentChange;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.MaintenanceComponent;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.events.Visibility;
import io.sitrep.timeline.readmodel.Audience;
import io.sitrep.timeline.readmodel.ComponentView;
import io.sitrep.timeline.readmodel.Gap;
import io.sitrep.timeline.readmodel.IncidentCursor;
import io.sitrep.timeline.readmodel.IncidentDetail;
import io.sitrep.timeline.readmodel.IncidentPage;
import io.sitrep.timeline.readmodel.IncidentQuery;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.MaintenanceCursor;
import io.sitrep.timeline.readmodel.MaintenanceDetail;
import io.sitrep.timeline.readmodel.MaintenancePage;
import io.sitrep.timeline.readmodel.MaintenanceQuery;
import io.sitrep.timeline.readmodel.MaintenanceUpdateEntry;
import io.sitrep.timeline.readmodel.MaintenanceView;
import io.sitrep.timeline.readmodel.PostmortemView;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.readmodel.StatusChange;
import io.sitrep.timeline.readmodel.TimelineCursor;
import io.sitrep.timeline.readmodel.TimelineEntry;
import io.sitrep.timeline.readmodel.TimelinePage;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.sitrep.timeline.readmodel.persistence.ReadModelWriter.ts;

/**
 * The read models of the current generation in PostgreSQL. Each call reads one consistent snapshot,
 * so a generation switch between its queries cannot mix generations.
 */
@Repository
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class JdbcReadModels implements ReadModels {

    private static final String CURRENT = "(SELECT generation FROM current_generation)";
    private static final TypeReference<List<AffectedComponent>> AFFECTED = new TypeReference<>() {
    };
    private static final TypeReference<List<ComponentChange>> CHANGES = new TypeReference<>() {
    };
    private static final TypeReference<List<MaintenanceComponent>> MAINTENANCE_COMPONENTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcReadModels(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The condition that leaves out what the public must not see, for a table with a visibility column. */
    private static String seenBy(Audience audience) {
        // A deleted incident's tombstone is seen by nobody.
        return audience.seesInternal() ? " AND visibility <> 'deleted'" : " AND visibility = 'public'";
    }

    @Override
    public Optional<IncidentDetail> incident(UUID id, int timelineLimit, Audience audience) {
        return jdbc.sql("SELECT * FROM incidents WHERE generation = " + CURRENT + " AND id = ?" + seenBy(audience))
                .param(id)
                .query(incidentMapper()).optional()
                .map(incident -> detail(incident, Long.MAX_VALUE, timelineLimit, postmortem(id, Long.MAX_VALUE), audience));
    }

    @Override
    public Optional<TimelinePage> timeline(UUID id, TimelineCursor cursor, int limit, Audience audience) {
        boolean known = jdbc.sql("SELECT count(*) FROM incidents WHERE generation = " + CURRENT + " AND id = ?" + seenBy(audience))
                .param(id).query(Long.class).single() > 0;
        if (!known) {
            return Optional.empty();
        }
        List<TimelineEntry> newestFirst = newestFirst(id, cursor == null ? Long.MAX_VALUE : cursor.beforeVersion() - 1, limit + 1, audience);
        if (newestFirst.size() <= limit) {
            return Optional.of(new TimelinePage(newestFirst, null));
        }
        List<TimelineEntry> page = newestFirst.subList(0, limit);
        return Optional.of(new TimelinePage(page, new TimelineCursor(page.get(page.size() - 1).version())));
    }

    /** The incident with the newest entries of its timeline up to a version, oldest first, and whether there are earlier ones. */
    private IncidentDetail detail(IncidentView incident, long upToVersion, int timelineLimit, PostmortemView postmortem, Audience audience) {
        List<TimelineEntry> newestFirst = newestFirst(incident.id(), upToVersion, timelineLimit + 1, audience);
        boolean earlier = newestFirst.size() > timelineLimit;
        List<TimelineEntry> shown = new ArrayList<>(newestFirst.subList(0, Math.min(timelineLimit, newestFirst.size())));
        Collections.reverse(shown);
        return new IncidentDetail(incident, shown, postmortem, earlier);
    }

    @Override
    public Optional<IncidentDetail> incidentAsOf(UUID id, Instant asOf, int timelineLimit, Audience audience) {
        return jdbc.sql("""
                        SELECT * FROM incident_versions
                        WHERE generation = %s AND incident_id = ? AND published_at <= ?%s
                        ORDER BY version DESC LIMIT 1""".formatted(CURRENT, seenBy(audience)))
                .params(id, ts(asOf))
                .query((rs, row) -> incident(rs, (UUID) rs.getObject("incident_id"))).optional()
                .map(incident -> detail(incident, incident.version(), timelineLimit, postmortem(id, incident.version()), audience));
    }

    @Override
    public IncidentPage incidents(IncidentQuery query, Audience audience) {
        StringBuilder sql = new StringBuilder("SELECT * FROM incidents WHERE generation = " + CURRENT + seenBy(audience));
        Map<String, Object> params = new LinkedHashMap<>();
        switch (query.status()) {
            case OPEN -> sql.append(" AND status <> 'resolved'");
            case RESOLVED -> sql.append(" AND status = 'resolved'");
            case ALL -> {
            }
        }
        if (query.component() != null) {
            sql.append(" AND components @> CAST(:component AS jsonb)");
            params.put("component", json.writeValueAsString(List.of(Map.of("id", query.component()))));
        }
        if (query.since() != null) {
            sql.append(" AND created_at >= :since");
            params.put("since", ts(query.since()));
        }
        if (query.until() != null) {
            sql.append(" AND created_at < :until");
            params.put("until", ts(query.until()));
        }
        if (query.after() != null) {
            sql.append(" AND (created_at, id) < (:afterCreatedAt, :afterId)");
            params.put("afterCreatedAt", ts(query.after().createdAt()));
            params.put("afterId", query.after().id());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        params.put("limit", query.limit() + 1);
        List<IncidentView> rows = jdbc.sql(sql.toString()).params(params).query(incidentMapper()).list();
        if (rows.size() <= query.limit()) {
            return new IncidentPage(rows, null);
        }
        List<IncidentView> page = rows.subList(0, query.limit());
        IncidentView last = page.get(page.size() - 1);
        return new IncidentPage(page, new IncidentCursor(last.createdAt(), last.id()));
    }

    @Override
    public List<IncidentView> openIncidents() {
        return jdbc.sql("SELECT * FROM incidents WHERE generation = " + CURRENT + seenBy(Audience.PUBLIC)
                        + " AND status <> 'resolved' ORDER BY created_at DESC, id DESC")
                .query(incidentMapper()).list();
    }

    @Override
    public List<IncidentView> recentIncidents(int limit) {
        return jdbc.sql("SELECT * FROM incidents WHERE generation = " + CURRENT + seenBy(Audience.PUBLIC)
                        + " ORDER BY created_at DESC, id DESC LIMIT ?")
                .param(limit)
                .query(incidentMapper()).list();
    }

    @Override
    public List<IncidentView> resolvedSince(Instant since, int limit) {
        return jdbc.sql("""
                        SELECT * FROM incidents WHERE generation = %s%s AND status = 'resolved' AND resolved_at >= ?
                        ORDER BY resolved_at DESC, id DESC LIMIT ?""".formatted(CURRENT, seenBy(Audience.PUBLIC)))
                .params(ts(since), limit)
                .query(incidentMapper()).list();
    }

    @Override
    public Map<UUID, List<TimelineEntry>> timelines(Collection<UUID> incidentIds, int limitPerIncident, boolean withActors) {
        Audience audience = withActors ? Audience.PUBLIC_WITH_ACTORS : Audience.PUBLIC;
        Map<UUID, List<TimelineEntry>> timelines = new LinkedHashMap<>();
        if (incidentIds.isEmpty()) {
            return timelines;
        }
        // Each incident's newest entries read backwards along the primary key, as far as the limit: numbering every entry
        // of each incident (a window over all of them) made every read cost the incidents' whole histories.
        jdbc.sql("""
                        SELECT entries.* FROM incidents listed CROSS JOIN LATERAL (
                            SELECT * FROM timeline_entries
                            WHERE generation = listed.generation AND incident_id = listed.id%s
                            ORDER BY version DESC LIMIT :limit) entries
                        WHERE listed.generation = %s AND listed.id IN (:ids)
                        ORDER BY entries.incident_id, entries.version""".formatted(seenBy(Audience.PUBLIC), CURRENT))
                .param("ids", List.copyOf(incidentIds))
                .param("limit", limitPerIncident)
                .query((ResultSet rs) -> {
                    UUID id = (UUID) rs.getObject("incident_id");
                    timelines.computeIfAbsent(id, key -> new ArrayList<>()).add(timelineEntry(rs, audience));
                });
        return timelines;
    }

    @Override
    public Map<UUID, PostmortemView> postmortems(Collection<UUID> incidentIds) {
        Map<UUID, PostmortemView> postmortems = new LinkedHashMap<>();
        if (incidentIds.isEmpty()) {
            return postmortems;
        }
        jdbc.sql("""
                        SELECT DISTINCT ON (incident_id) * FROM postmortems
                        WHERE generation = %s AND incident_id IN (:ids)
                        ORDER BY incident_id, revision DESC""".formatted(CURRENT))
                .param("ids", List.copyOf(incidentIds))
                .query((ResultSet rs) -> {
                    postmortems.put((UUID) rs.getObject("incident_id"), postmortem(rs));
                });
        return postmortems;
    }

    @Override
    public Optional<MaintenanceDetail> maintenance(UUID id, int updatesLimit, Audience audience) {
        return jdbc.sql("SELECT * FROM maintenances WHERE generation = " + CURRENT + " AND id = ?")
                .param(id)
                .query(maintenanceMapper("id")).optional()
                .map(maintenance -> maintenanceDetail(maintenance, Long.MAX_VALUE, updatesLimit, audience));
    }

    @Override
    public Optional<MaintenanceDetail> maintenanceAsOf(UUID id, Instant asOf, int updatesLimit, Audience audience) {
        return jdbc.sql("""
                        SELECT * FROM maintenance_versions
                        WHERE generation = %s AND maintenance_id = ? AND published_at <= ?
                        ORDER BY version DESC LIMIT 1""".formatted(CURRENT))
                .params(id, ts(asOf))
                .query(maintenanceMapper("maintenance_id")).optional()
                .map(maintenance -> maintenanceDetail(maintenance, maintenance.version(), updatesLimit, audience));
    }

    /** The window with the newest entries of its timeline up to a version, oldest first, and whether there are earlier ones. */
    private MaintenanceDetail maintenanceDetail(MaintenanceView maintenance, long upToVersion, int updatesLimit, Audience audience) {
        List<MaintenanceUpdateEntry> newestFirst = jdbc.sql("SELECT * FROM maintenance_updates WHERE generation = " + CURRENT
                        + " AND maintenance_id = ? AND version <= ? ORDER BY version DESC LIMIT ?")
                .params(maintenance.id(), upToVersion, updatesLimit + 1)
                .query((rs, row) -> maintenanceUpdate(rs, audience)).list();
        boolean earlier = newestFirst.size() > updatesLimit;
        List<MaintenanceUpdateEntry> shown = new ArrayList<>(newestFirst.subList(0, Math.min(updatesLimit, newestFirst.size())));
        Collections.reverse(shown);
        return new MaintenanceDetail(maintenance, shown, earlier);
    }

    @Override
    public MaintenancePage maintenances(MaintenanceQuery query) {
        boolean soonestFirst = query.status().soonestFirst();
        StringBuilder sql = new StringBuilder("SELECT * FROM maintenances WHERE generation = " + CURRENT + " AND status IN (:statuses)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("statuses", query.status().statuses().stream().map(MaintenanceStatus::wireName).sorted().toList());
        if (query.after() != null) {
            sql.append(soonestFirst ? " AND (scheduled_for, id) > (:afterFor, :afterId)" : " AND (scheduled_for, id) < (:afterFor, :afterId)");
            params.put("afterFor", ts(query.after().scheduledFor()));
            params.put("afterId", query.after().id());
        }
        sql.append(soonestFirst ? " ORDER BY scheduled_for, id" : " ORDER BY scheduled_for DESC, id DESC").append(" LIMIT :limit");
        params.put("limit", query.limit() + 1);
        List<MaintenanceView> rows = jdbc.sql(sql.toString()).params(params).query(maintenanceMapper("id")).list();
        if (rows.size() <= query.limit()) {
            return new MaintenancePage(rows, null);
        }
        List<MaintenanceView> page = rows.subList(0, query.limit());
        MaintenanceView last = page.get(page.size() - 1);
        return new MaintenancePage(page, new MaintenanceCursor(last.scheduledFor(), last.id()));
    }

    @Override
    public Map<UUID, List<MaintenanceUpdateEntry>> maintenanceUpdates(Collection<UUID> maintenanceIds, int limitPerMaintenance) {
        Map<UUID, List<MaintenanceUpdateEntry>> updates = new LinkedHashMap<>();
        if (maintenanceIds.isEmpty()) {
            return updates;
        }
        jdbc.sql("""
                        SELECT * FROM (
                            SELECT *, row_number() OVER (PARTITION BY maintenance_id ORDER BY version DESC) AS newest
                            FROM maintenance_updates WHERE generation = %s AND maintenance_id IN (:ids)) entries
                        WHERE newest <= :limit ORDER BY maintenance_id, version""".formatted(CURRENT))
                .param("ids", List.copyOf(maintenanceIds))
                .param("limit", limitPerMaintenance)
                .query((ResultSet rs) -> {
                    UUID id = (UUID) rs.getObject("maintenance_id");
                    updates.computeIfAbsent(id, key -> new ArrayList<>()).add(maintenanceUpdate(rs, Audience.PUBLIC));
                });
        return updates;
    }

    @Override
    public List<ComponentView> components() {
        // A group at the lowest position among its members (ungrouped ones first on a tie), then position, then name.
        return jdbc.sql("SELECT * FROM components WHERE generation = " + CURRENT
                        + " ORDER BY min(position) OVER (PARTITION BY group_name) NULLS LAST, group_name NULLS FIRST,"
                        + " position NULLS LAST, name, id")
                .query(componentMapper()).list();
    }

    @Override
    public Optional<ComponentView> component(String id) {
        return jdbc.sql("SELECT * FROM components WHERE generation = " + CURRENT + " AND id = ?")
                .param(id)
                .query(componentMapper()).optional();
    }

    @Override
    public List<StatusChange> statusChanges(String componentId) {
        return jdbc.sql("SELECT * FROM component_status_history WHERE generation = " + CURRENT + " AND component_id = ? ORDER BY version")
                .param(componentId)
                .query((rs, row) -> statusChange(rs)).list();
    }

    @Override
    public Map<String, List<StatusChange>> statusChangesSince(Instant since) {
        Map<String, List<StatusChange>> changes = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT * FROM component_status_history WHERE generation = %s AND occurred_at >= ?
                        ORDER BY component_id, version""".formatted(CURRENT))
                .param(ts(since))
                .query((ResultSet rs) -> {
                    changes.computeIfAbsent(rs.getString("component_id"), key -> new ArrayList<>()).add(statusChange(rs));
                });
        return changes;
    }

    @Override
    public List<Gap> gaps(int limit) {
        return jdbc.sql("SELECT * FROM version_gaps WHERE generation = " + CURRENT + " ORDER BY published_at DESC LIMIT ?")
                .param(limit)
                .query((rs, row) -> new Gap(rs.getString("aggregate_type"), rs.getString("aggregate_id"),
                        rs.getLong("expected_version"), rs.getLong("received_version"), (UUID) rs.getObject("event_id"),
                        rs.getString("event_type"), instant(rs, "published_at")))
                .list();
    }

    @Override
    public long gapCount() {
        return jdbc.sql("SELECT count(*) FROM version_gaps WHERE generation = " + CURRENT).query(Long.class).single();
    }

    @Override
    public long currentGeneration() {
        return jdbc.sql("SELECT generation FROM current_generation").query(Long.class).single();
    }

    private List<TimelineEntry> newestFirst(UUID id, long upToVersion, int limit, Audience audience) {
        return jdbc.sql("SELECT * FROM timeline_entries WHERE generation = " + CURRENT + seenBy(audience)
                        + " AND incident_id = ? AND version <= ? ORDER BY version DESC LIMIT ?")
                .params(id, upToVersion, limit)
                .query((rs, row) -> timelineEntry(rs, audience)).list();
    }

    private PostmortemView postmortem(UUID id, long upToVersion) {
        return jdbc.sql("""
                        SELECT * FROM postmortems WHERE generation = %s AND incident_id = ? AND version <= ?
                        ORDER BY revision DESC LIMIT 1""".formatted(CURRENT))
                .params(id, upToVersion)
                .query((rs, row) -> postmortem(rs)).optional().orElse(null);
    }

    private RowMapper<IncidentView> incidentMapper() {
        return (rs, row) -> incident(rs, (UUID) rs.getObject("id"));
    }

    private IncidentView incident(ResultSet rs, UUID id) throws SQLException {
        return new IncidentView(id, rs.getString("title"), IncidentStatus.fromWireName(rs.getString("status")),
                Impact.fromWireName(rs.getString("impact")), json.readValue(rs.getString("components"), AFFECTED),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "resolved_at"), rs.getLong("version"),
                Visibility.fromWireName(rs.getString("visibility")));
    }

    private TimelineEntry timelineEntry(ResultSet rs, Audience audience) throws SQLException {
        String previousStatus = rs.getString("previous_status");
        String previousImpact = rs.getString("previous_impact");
        return new TimelineEntry((UUID) rs.getObject("update_id"), (UUID) rs.getObject("event_id"), rs.getString("event_type"),
                rs.getLong("version"), IncidentStatus.fromWireName(rs.getString("status")),
                previousStatus == null ? null : IncidentStatus.fromWireName(previousStatus),
                Impact.fromWireName(rs.getString("impact")),
                previousImpact == null ? null : Impact.fromWireName(previousImpact),
                rs.getString("message"), json.readValue(rs.getString("component_changes"), CHANGES),
                instant(rs, "occurred_at"), instant(rs, "published_at"), Visibility.fromWireName(rs.getString("visibility")),
                audience.seesActors() ? rs.getString("actor") : null);
    }

    /** Maps a row of {@code maintenances} or {@code maintenance_versions}, whose id column is named {@code idColumn}. */
    private RowMapper<MaintenanceView> maintenanceMapper(String idColumn) {
        return (rs, row) -> {
            String remindBefore = rs.getString("remind_before");
            return new MaintenanceView((UUID) rs.getObject(idColumn), rs.getString("title"),
                    MaintenanceStatus.fromWireName(rs.getString("status")), json.readValue(rs.getString("components"), MAINTENANCE_COMPONENTS),
                    instant(rs, "scheduled_for"), instant(rs, "scheduled_until"), rs.getBoolean("auto_start"), rs.getBoolean("auto_complete"),
                    remindBefore == null ? null : Duration.parse(remindBefore), instant(rs, "created_at"), instant(rs, "updated_at"),
                    instant(rs, "reminded_at"), instant(rs, "started_at"), instant(rs, "completed_at"), instant(rs, "cancelled_at"),
                    rs.getLong("version"));
        };
    }

    private static MaintenanceUpdateEntry maintenanceUpdate(ResultSet rs, Audience audience) throws SQLException {
        String previousStatus = rs.getString("previous_status");
        return new MaintenanceUpdateEntry((UUID) rs.getObject("update_id"), (UUID) rs.getObject("event_id"), rs.getString("event_type"),
                rs.getLong("version"), MaintenanceStatus.fromWireName(rs.getString("status")),
                previousStatus == null ? null : MaintenanceStatus.fromWireName(previousStatus), rs.getString("message"),
                instant(rs, "occurred_at"), instant(rs, "published_at"), audience.seesActors() ? rs.getString("actor") : null);
    }

    private static PostmortemView postmortem(ResultSet rs) throws SQLException {
        return new PostmortemView(rs.getInt("revision"), rs.getString("body"), instant(rs, "published_at"));
    }

    private static RowMapper<ComponentView> componentMapper() {
        return (rs, row) -> new ComponentView(rs.getString("id"), rs.getString("name"), rs.getString("group_name"),
                rs.getString("description"), ComponentStatus.fromWireName(rs.getString("status")),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"), rs.getObject("position", Integer.class));
    }

    private static StatusChange statusChange(ResultSet rs) throws SQLException {
        return new StatusChange(rs.getLong("version"), ComponentStatus.fromWireName(rs.getString("status")),
                ComponentStatus.fromWireName(rs.getString("previous_status")), (UUID) rs.getObject("incident_id"),
                instant(rs, "occurred_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
