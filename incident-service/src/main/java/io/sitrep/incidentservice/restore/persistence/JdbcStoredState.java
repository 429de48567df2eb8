package io.sitrep.incidentservice.restore.persistence;

import io.sitrep.incidentservice.restore.StoredState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link StoredState} on PostgreSQL through plain SQL. */
@Repository
class JdbcStoredState implements StoredState {

    private final JdbcClient jdbc;

    JdbcStoredState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> versions(Table table, Collection<String> ids) {
        String sql = switch (table) {
            case COMPONENTS -> "SELECT id, version FROM components";
            case INCIDENTS -> "SELECT id::text AS id, version FROM incidents";
            case MAINTENANCES -> "SELECT id::text AS id, version FROM maintenances";
            default -> throw new IllegalArgumentException(table + " has no versions");
        };
        Map<String, Long> versions = new HashMap<>();
        if (ids == null) {
            jdbc.sql(sql).query(rs -> {
                versions.put(rs.getString("id"), rs.getLong("version"));
            });
        } else if (!ids.isEmpty()) {
            String column = table == Table.COMPONENTS ? "id" : "id::text";
            jdbc.sql(sql + " WHERE " + column + " = ANY (:ids)").param("ids", ids.toArray(String[]::new)).query(rs -> {
                versions.put(rs.getString("id"), rs.getLong("version"));
            });
        }
        return versions;
    }

    @Override
    public Set<String> keys(Table table) {
        String sql = switch (table) {
            case INCIDENT_UPDATES -> "SELECT id::text FROM incident_updates";
            case INCIDENT_UPDATE_REVISIONS -> "SELECT update_id::text || ':' || revision FROM incident_update_revisions";
            case INCIDENT_COMPONENTS -> "SELECT incident_id::text || ':' || component_id FROM incident_components";
            case MAINTENANCE_UPDATES -> "SELECT id::text FROM maintenance_updates";
            case MAINTENANCE_COMPONENTS -> "SELECT maintenance_id::text || ':' || component_id FROM maintenance_components";
            default -> throw new IllegalArgumentException(table + " is not a dependent table");
        };
        return new HashSet<>(jdbc.sql(sql).query(String.class).list());
    }

    @Override
    public List<PendingEvent> pendingEvents() {
        return jdbc.sql("SELECT event_type, payload FROM outbox ORDER BY id")
                .query((rs, n) -> new PendingEvent(rs.getString("event_type"), rs.getBytes("payload")))
                .list();
    }

    @Override
    public void lockForRestore() {
        jdbc.sql("LOCK TABLE components, incidents, maintenances IN EXCLUSIVE MODE").update();
    }
}
