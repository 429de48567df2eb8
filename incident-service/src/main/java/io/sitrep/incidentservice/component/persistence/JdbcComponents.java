package io.sitrep.incidentservice.component.persistence;

import io.sitrep.events.ComponentSnapshot;
import io.sitrep.events.ComponentStatus;
import io.sitrep.incidentservice.component.Component;
import io.sitrep.incidentservice.component.ComponentId;
import io.sitrep.incidentservice.component.Components;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Components} on PostgreSQL through plain SQL. */
@Repository
class JdbcComponents implements Components {

    private final JdbcClient jdbc;

    JdbcComponents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<ComponentId, Component> lockAll(Collection<ComponentId> ids) {
        Map<ComponentId, Component> locked = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return locked;
        }
        // Always lock in id order, so that two commands touching the same components cannot deadlock.
        jdbc.sql("SELECT * FROM components WHERE id = ANY (?) ORDER BY id FOR UPDATE")
                .param(ids.stream().map(ComponentId::value).distinct().toArray(String[]::new))
                .query(JdbcComponents::snapshot)
                .list()
                .forEach(s -> locked.put(new ComponentId(s.id()), Component.restore(s)));
        return locked;
    }

    @Override
    public Optional<ComponentSnapshot> find(ComponentId id) {
        return jdbc.sql("SELECT * FROM components WHERE id = ?").param(id.value()).query(JdbcComponents::snapshot).optional();
    }

    @Override
    public List<ComponentSnapshot> all() {
        return jdbc.sql("""
                        SELECT * FROM components
                        ORDER BY min(position) OVER (PARTITION BY group_name) NULLS LAST, group_name NULLS FIRST,
                                 position NULLS LAST, name, id""")
                .query(JdbcComponents::snapshot)
                .list();
    }

    @Override
    public boolean addIfAbsent(Component component) {
        ComponentSnapshot s = component.snapshot();
        return jdbc.sql("""
                        INSERT INTO components (id, name, group_name, description, position, status, version, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(s.id(), s.name(), s.group(), s.description(), s.position(), s.status().wireName(), s.version(),
                        Timestamp.from(s.updatedAt()))
                .update() == 1;
    }

    @Override
    public void save(Component component) {
        ComponentSnapshot s = component.snapshot();
        jdbc.sql("""
                        UPDATE components SET name = ?, group_name = ?, description = ?, position = ?, status = ?, version = ?,
                            updated_at = ?
                        WHERE id = ?""")
                .params(s.name(), s.group(), s.description(), s.position(), s.status().wireName(), s.version(),
                        Timestamp.from(s.updatedAt()), s.id())
                .update();
    }

    private static ComponentSnapshot snapshot(ResultSet rs, int rowNum) throws SQLException {
        return new ComponentSnapshot(rs.getString("id"), rs.getString("name"), rs.getString("group_name"),
                rs.getString("description"), ComponentStatus.fromWireName(rs.getString("status")),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"), rs.getObject("position", Integer.class));
    }
}
