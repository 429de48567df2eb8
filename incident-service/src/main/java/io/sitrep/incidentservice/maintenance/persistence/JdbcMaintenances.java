package io.sitrep.incidentservice.maintenance.persistence;

import io.sitrep.events.MaintenanceComponent;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.events.MaintenanceSnapshot;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.events.MaintenanceUpdate;
import io.sitrep.events.MaintenanceUpdated;
import io.sitrep.incidentservice.maintenance.Maintenance;
import io.sitrep.incidentservice.maintenance.MaintenanceCursor;
import io.sitrep.incidentservice.maintenance.MaintenanceDetails;
import io.sitrep.incidentservice.maintenance.MaintenanceDetails.TimelineEntry;
import io.sitrep.incidentservice.maintenance.MaintenanceId;
import io.sitrep.incidentservice.maintenance.Maintenances;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link Maintenances} on PostgreSQL through plain SQL with named parameters. */
@Repository
class JdbcMaintenances implements Maintenances {

    private static final TypeReference<List<List<String>>> COMPONENTS = new TypeReference<>() {
    };

    /** The window's rows with its components, in one round trip. */
    private static final String WITH_COMPONENTS = """
            SELECT m.*, (SELECT json_agg(json_build_array(c.component_id, c.name) ORDER BY c.position)
                         FROM maintenance_components c WHERE c.maintenance_id = m.id) AS covered
            FROM maintenances m""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcMaintenances(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<Maintenance> lock(MaintenanceId id) {
        return jdbc.sql(WITH_COMPONENTS + " WHERE m.id = :id FOR UPDATE OF m")
                .param("id", id.value())
                .query(this::snapshot)
                .optional()
                .map(Maintenance::restore);
    }

    @Override
    public void add(Maintenance maintenance, MaintenanceScheduled event) {
        MaintenanceSnapshot s = maintenance.snapshot();
        jdbc.sql("""
                        INSERT INTO maintenances (id, title, status, scheduled_for, scheduled_until, auto_start, auto_complete,
                                                  remind_before, created_at, updated_at, reminded_at, started_at, completed_at,
                                                  cancelled_at, version, next_due_at)
                        VALUES (:id, :title, :status, :scheduledFor, :scheduledUntil, :autoStart, :autoComplete, :remindBefore,
                                :createdAt, :updatedAt, :remindedAt, :startedAt, :completedAt, :cancelledAt, :version, :nextDueAt)""")
                .param("id", s.id())
                .param("createdAt", ts(s.createdAt()))
                .params(state(maintenance))
                .update();
        saveComponents(s);
        addUpdate(event, event.update());
    }

    @Override
    public void save(Maintenance maintenance, List<? extends MaintenanceEvent> events) {
        MaintenanceSnapshot s = maintenance.snapshot();
        jdbc.sql("""
                        UPDATE maintenances SET title = :title, status = :status, scheduled_for = :scheduledFor,
                               scheduled_until = :scheduledUntil, auto_start = :autoStart, auto_complete = :autoComplete,
                               remind_before = :remindBefore, updated_at = :updatedAt, reminded_at = :remindedAt,
                               started_at = :startedAt, completed_at = :completedAt, cancelled_at = :cancelledAt,
                               version = :version, next_due_at = :nextDueAt
                        WHERE id = :id""")
                .param("id", s.id())
                .params(state(maintenance))
                .update();
        boolean componentsChanged = false;
        for (MaintenanceEvent event : events) {
            MaintenanceUpdate update = event.postedUpdate();
            if (update != null) {
                addUpdate(event, update);
            }
            componentsChanged |= event instanceof MaintenanceUpdated;
        }
        if (componentsChanged) {
            saveComponents(s);
        }
    }

    @Override
    public Optional<MaintenanceDetails> details(MaintenanceId id) {
        return jdbc.sql(WITH_COMPONENTS + " WHERE m.id = :id")
                .param("id", id.value())
                .query(this::snapshot)
                .optional()
                .map(s -> new MaintenanceDetails(s, timeline(s.id())));
    }

    @Override
    public List<MaintenanceSnapshot> list(MaintenanceStatus status, MaintenanceCursor after, int limit) {
        return jdbc.sql(WITH_COMPONENTS + """
                         WHERE (CAST(:status AS text) IS NULL OR m.status = :status)
                           AND (CAST(:afterFor AS timestamptz) IS NULL OR (m.scheduled_for, m.id) > (:afterFor, :afterId))
                        ORDER BY m.scheduled_for, m.id
                        LIMIT :limit""")
                .param("status", status == null ? null : status.wireName())
                .param("afterFor", after == null ? null : ts(after.scheduledFor()))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit)
                .query(this::snapshot)
                .list();
    }

    @Override
    public List<Maintenance> lockDue(Instant now, int limit) {
        return jdbc.sql(WITH_COMPONENTS + """
                         WHERE m.next_due_at <= :now
                        ORDER BY m.next_due_at, m.id
                        LIMIT :limit
                        FOR UPDATE OF m SKIP LOCKED""")
                .param("now", ts(now))
                .param("limit", limit)
                .query(this::snapshot)
                .list()
                .stream()
                .map(Maintenance::restore)
                .toList();
    }

    @Override
    public Set<String> coveredByActiveWindows(MaintenanceId except, Collection<String> componentIds) {
        if (componentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT c.component_id FROM maintenance_components c JOIN maintenances m ON m.id = c.maintenance_id
                        WHERE m.status IN ('in_progress', 'verifying') AND (CAST(:except AS uuid) IS NULL OR m.id <> :except)
                          AND c.component_id = ANY (:ids)""")
                .param("except", except == null ? null : except.value())
                .param("ids", componentIds.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    private static Map<String, Object> state(Maintenance maintenance) {
        MaintenanceSnapshot s = maintenance.snapshot();
        Map<String, Object> state = new HashMap<>();
        state.put("title", s.title());
        state.put("status", s.status().wireName());
        state.put("scheduledFor", ts(s.scheduledFor()));
        state.put("scheduledUntil", ts(s.scheduledUntil()));
        state.put("autoStart", s.autoStart());
        state.put("autoComplete", s.autoComplete());
        state.put("remindBefore", s.remindBefore() == null ? null : s.remindBefore().toString());
        state.put("updatedAt", ts(s.updatedAt()));
        state.put("remindedAt", ts(s.remindedAt()));
        state.put("startedAt", ts(s.startedAt()));
        state.put("completedAt", ts(s.completedAt()));
        state.put("cancelledAt", ts(s.cancelledAt()));
        state.put("version", s.version());
        state.put("nextDueAt", maintenance.nextDueAt().map(JdbcMaintenances::ts).orElse(null));
        return state;
    }

    private void saveComponents(MaintenanceSnapshot s) {
        jdbc.sql("DELETE FROM maintenance_components WHERE maintenance_id = :id").param("id", s.id()).update();
        int position = 0;
        for (MaintenanceComponent c : s.components()) {
            jdbc.sql("""
                            INSERT INTO maintenance_components (maintenance_id, component_id, name, position)
                            VALUES (:maintenanceId, :componentId, :name, :position)""")
                    .param("maintenanceId", s.id())
                    .param("componentId", c.id())
                    .param("name", c.name())
                    .param("position", position++)
                    .update();
        }
    }

    private void addUpdate(MaintenanceEvent event, MaintenanceUpdate u) {
        jdbc.sql("""
                        INSERT INTO maintenance_updates (id, maintenance_id, version, status, previous_status, message,
                                                         occurred_at, published_at, actor)
                        VALUES (:id, :maintenanceId, :version, :status, :previousStatus, :message, :occurredAt, :publishedAt, :actor)""")
                .param("id", u.id())
                .param("maintenanceId", event.maintenanceId())
                .param("version", event.version())
                .param("status", u.status().wireName())
                .param("previousStatus", u.previousStatus() == null ? null : u.previousStatus().wireName())
                .param("message", u.message())
                .param("occurredAt", ts(u.createdAt()))
                .param("publishedAt", ts(event.publishedAt()))
                .param("actor", event.actor())
                .update();
    }

    private List<TimelineEntry> timeline(UUID maintenanceId) {
        return jdbc.sql("SELECT * FROM maintenance_updates WHERE maintenance_id = :id ORDER BY version")
                .param("id", maintenanceId)
                .query((rs, n) -> {
                    String previous = rs.getString("previous_status");
                    return new TimelineEntry(rs.getLong("version"), new MaintenanceUpdate(
                            rs.getObject("id", UUID.class),
                            MaintenanceStatus.fromWireName(rs.getString("status")),
                            previous == null ? null : MaintenanceStatus.fromWireName(previous),
                            rs.getString("message"),
                            instant(rs, "occurred_at")), rs.getString("actor"));
                })
                .list();
    }

    private MaintenanceSnapshot snapshot(ResultSet rs, int rowNum) throws SQLException {
        String remindBefore = rs.getString("remind_before");
        return new MaintenanceSnapshot(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                MaintenanceStatus.fromWireName(rs.getString("status")),
                components(rs.getString("covered")),
                instant(rs, "scheduled_for"),
                instant(rs, "scheduled_until"),
                rs.getBoolean("auto_start"),
                rs.getBoolean("auto_complete"),
                remindBefore == null ? null : Duration.parse(remindBefore),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "reminded_at"),
                instant(rs, "started_at"),
                instant(rs, "completed_at"),
                instant(rs, "cancelled_at"),
                rs.getLong("version"));
    }

    /** The components from their JSON aggregate: an array of {@code [id, name]}, or null for none. */
    private List<MaintenanceComponent> components(String covered) {
        if (covered == null) {
            return List.of();
        }
        List<MaintenanceComponent> components = new ArrayList<>();
        for (List<String> c : json.readValue(covered, COMPONENTS)) {
            components.add(new MaintenanceComponent(c.get(0), c.get(1)));
        }
        return components;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
