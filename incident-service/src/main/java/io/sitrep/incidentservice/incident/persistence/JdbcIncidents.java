package io.sitrep.incidentservice.incident.persistence;

import io.sitrep.events.AffectedComponent;
import io.sitrep.events.ComponentChange;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentDeleted;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentLifecycleEvent;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentSnapshot;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.IncidentUpdate;
import io.sitrep.events.IncidentUpdateEdited;
import io.sitrep.events.Postmortem;
import io.sitrep.events.Visibility;
import io.sitrep.incidentservice.incident.Incident;
import io.sitrep.incidentservice.incident.IncidentDetails;
import io.sitrep.incidentservice.incident.IncidentDetails.PublishedPostmortem;
import io.sitrep.incidentservice.incident.IncidentDetails.TimelineEntry;
import io.sitrep.incidentservice.incident.IncidentId;
import io.sitrep.incidentservice.incident.Incidents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

/** {@link Incidents} on PostgreSQL through plain SQL. */
@Repository
class JdbcIncidents implements Incidents {

    private static final TypeReference<List<ComponentChange>> CHANGES = new TypeReference<>() {
    };
    private static final TypeReference<List<List<String>>> AFFECTED = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcIncidents(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The incident's row with its affected components, in one round trip. */
    private static final String WITH_COMPONENTS = """
            SELECT i.*, (SELECT json_agg(json_build_array(c.component_id, c.name, c.status) ORDER BY c.position)
                         FROM incident_components c WHERE c.incident_id = i.id) AS affected
            FROM incidents i WHERE i.id = ?""";

    @Override
    public Optional<Incident> lock(IncidentId id) {
        return jdbc.sql(WITH_COMPONENTS + " FOR UPDATE OF i")
                .param(id.value())
                .query(this::row)
                .optional()
                .map(r -> Incident.restore(r.snapshot(), r.postmortem(), r.deleted()));
    }

    @Override
    public void add(Incident incident, IncidentOpened event) {
        IncidentSnapshot s = incident.snapshot();
        jdbc.sql("""
                        INSERT INTO incidents (id, title, status, impact, version, created_at, updated_at, resolved_at, visibility)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.title(), s.status().wireName(), s.impact().wireName(), s.version(),
                        ts(s.createdAt()), ts(s.updatedAt()), ts(s.resolvedAt()), s.visibility().wireName())
                .update();
        saveComponents(s);
        addUpdate(event, event);
    }

    @Override
    public void save(Incident incident, IncidentEvent event) {
        IncidentSnapshot s = incident.snapshot();
        Postmortem postmortem = incident.postmortem().orElse(null);
        jdbc.sql("""
                        UPDATE incidents SET title = ?, visibility = ?, status = ?, impact = ?, version = ?, updated_at = ?, resolved_at = ?,
                               postmortem_body = ?, postmortem_revision = ?,
                               postmortem_published_at = CASE WHEN ? > postmortem_revision THEN ? ELSE postmortem_published_at END
                        WHERE id = ?""")
                .params(s.title(), s.visibility().wireName(), s.status().wireName(), s.impact().wireName(), s.version(),
                        ts(s.updatedAt()), ts(s.resolvedAt()),
                        postmortem == null ? null : postmortem.body(), postmortem == null ? 0 : postmortem.revision(),
                        postmortem == null ? 0 : postmortem.revision(), ts(s.updatedAt()),
                        s.id())
                .update();
        if (event instanceof IncidentUpdateEdited edited) {
            correct(edited);
        }
        if (event instanceof IncidentDeleted deleted) {
            jdbc.sql("UPDATE incidents SET deleted_at = ?, deleted_reason = ? WHERE id = ?")
                    .params(ts(deleted.occurredAt()), deleted.reason(), s.id())
                    .update();
        }
        if (event instanceof IncidentLifecycleEvent lifecycle) {
            // Only a change that sets component statuses alters the affected components; most updates are words.
            if (!lifecycle.update().componentChanges().isEmpty()) {
                saveComponents(s);
            }
            addUpdate(event, lifecycle);
        }
    }

    /** Keeps the text a correction replaces as a revision, and puts the new text in its place. */
    private void correct(IncidentUpdateEdited edited) {
        jdbc.sql("""
                        INSERT INTO incident_update_revisions (update_id, revision, message, actor, replaced_at)
                        SELECT id, revision, message, ?, ? FROM incident_updates WHERE id = ? AND incident_id = ?""")
                .params(edited.actor(), ts(edited.occurredAt()), edited.updateId(), edited.incidentId())
                .update();
        jdbc.sql("UPDATE incident_updates SET message = ?, revision = ? WHERE id = ? AND incident_id = ?")
                .params(edited.message(), edited.revision(), edited.updateId(), edited.incidentId())
                .update();
    }

    @Override
    public Optional<TimelineEntry> update(IncidentId id, UUID updateId) {
        return Optional.ofNullable(timeline("SELECT u.*, 0 AS update_count FROM incident_updates u WHERE incident_id = ? AND id = ?",
                new long[1], id.value(), updateId).stream().findFirst().orElse(null));
    }

    @Override
    public Optional<List<IncidentDetails.Revision>> revisions(IncidentId id, UUID updateId) {
        if (update(id, updateId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT * FROM incident_update_revisions WHERE update_id = ? ORDER BY revision")
                .param(updateId)
                .query((rs, n) -> new IncidentDetails.Revision(rs.getInt("revision"), rs.getString("message"), rs.getString("actor"),
                        instant(rs, "replaced_at")))
                .list());
    }

    @Override
    public Optional<IncidentDetails> details(IncidentId id, int newestUpdates) {
        return jdbc.sql(WITH_COMPONENTS)
                .param(id.value())
                .query(this::row)
                .optional()
                .filter(r -> !r.deleted())
                .map(r -> {
                    long[] count = {0};
                    List<TimelineEntry> newest = timeline("""
                                    SELECT * FROM (SELECT u.*, count(*) OVER () AS update_count FROM incident_updates u
                                                   WHERE incident_id = ? ORDER BY version DESC LIMIT ?) newest
                                    ORDER BY version""", count, r.id, newestUpdates);
                    return new IncidentDetails(r.snapshot(), newest, count[0],
                            r.postmortemRevision == 0 ? null
                                    : new PublishedPostmortem(r.postmortemRevision, r.postmortemBody, r.postmortemPublishedAt));
                });
    }

    @Override
    public Optional<List<TimelineEntry>> updates(IncidentId id, long afterVersion, int limit) {
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM incidents WHERE id = ? AND deleted_at IS NULL)").param(id.value()).query(Boolean.class).single();
        if (!exists) {
            return Optional.empty();
        }
        return Optional.of(timeline("""
                        SELECT u.*, 0 AS update_count FROM incident_updates u
                        WHERE incident_id = ? AND version > ? ORDER BY version LIMIT ?""",
                new long[1], id.value(), afterVersion, limit));
    }

    @Override
    public Set<String> affectedByOtherOpenIncidents(IncidentId except, Collection<String> componentIds) {
        if (componentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT ic.component_id FROM incident_components ic JOIN incidents i ON i.id = ic.incident_id
                        WHERE i.status <> 'resolved' AND i.visibility = 'public' AND i.deleted_at IS NULL AND i.id <> ? AND ic.status <> 'operational'
                          AND ic.component_id = ANY (?)""")
                .params(except.value(), componentIds.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    @Override
    public Map<String, ComponentStatus> statusesGivenByOpenIncidents(Collection<String> componentIds) {
        Map<String, ComponentStatus> worst = new HashMap<>();
        if (componentIds.isEmpty()) {
            return worst;
        }
        jdbc.sql("""
                        SELECT ic.component_id, ic.status FROM incident_components ic JOIN incidents i ON i.id = ic.incident_id
                        WHERE i.status <> 'resolved' AND i.visibility = 'public' AND i.deleted_at IS NULL AND ic.status NOT IN ('operational', 'under_maintenance')
                          AND ic.component_id = ANY (?)""")
                .param(componentIds.toArray(String[]::new))
                .query(rs -> {
                    ComponentStatus status = ComponentStatus.fromWireName(rs.getString("status"));
                    worst.merge(rs.getString("component_id"), status, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                });
        return worst;
    }

    private void saveComponents(IncidentSnapshot s) {
        jdbc.sql("DELETE FROM incident_components WHERE incident_id = ?").param(s.id()).update();
        int position = 0;
        for (AffectedComponent c : s.components()) {
            jdbc.sql("INSERT INTO incident_components (incident_id, component_id, name, status, position) VALUES (?, ?, ?, ?, ?)")
                    .params(s.id(), c.id(), c.name(), c.status().wireName(), position++)
                    .update();
        }
    }

    private void addUpdate(IncidentEvent event, IncidentLifecycleEvent lifecycle) {
        IncidentUpdate u = lifecycle.update();
        jdbc.sql("""
                        INSERT INTO incident_updates (id, incident_id, version, status, previous_status, impact, previous_impact,
                                                      message, component_changes, occurred_at, published_at, actor)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(u.id(), event.incidentId(), event.version(), u.status().wireName(),
                        u.previousStatus() == null ? null : u.previousStatus().wireName(),
                        u.impact().wireName(), u.previousImpact() == null ? null : u.previousImpact().wireName(),
                        u.message(), json.writeValueAsString(u.componentChanges()),
                        ts(event.occurredAt()), ts(event.publishedAt()), event.actor())
                .update();
    }

    /** The affected components from their JSON aggregate: an array of {@code [id, name, status]}, or null for none. */
    private List<AffectedComponent> components(String affected) {
        if (affected == null) {
            return List.of();
        }
        List<AffectedComponent> components = new ArrayList<>();
        for (List<String> c : json.readValue(affected, AFFECTED)) {
            components.add(new AffectedComponent(c.get(0), c.get(1), ComponentStatus.fromWireName(c.get(2))));
        }
        return components;
    }

    /** The updates {@code sql} selects, in its order; {@code count[0]} takes their {@code update_count}. */
    private List<TimelineEntry> timeline(String sql, long[] count, Object... params) {
        List<TimelineEntry> entries = new ArrayList<>();
        jdbc.sql(sql)
                .params(params)
                .query(rs -> {
                    count[0] = rs.getLong("update_count");
                    String previousStatus = rs.getString("previous_status");
                    String previousImpact = rs.getString("previous_impact");
                    IncidentUpdate update = new IncidentUpdate(
                            rs.getObject("id", UUID.class),
                            IncidentStatus.fromWireName(rs.getString("status")),
                            previousStatus == null ? null : IncidentStatus.fromWireName(previousStatus),
                            Impact.fromWireName(rs.getString("impact")),
                            previousImpact == null ? null : Impact.fromWireName(previousImpact),
                            rs.getString("message"),
                            json.readValue(rs.getString("component_changes"), CHANGES));
                    entries.add(new TimelineEntry(rs.getLong("version"), instant(rs, "occurred_at"),
                            instant(rs, "published_at"), update, rs.getString("actor"), rs.getInt("revision")));
                });
        return entries;
    }

    private Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("status"), rs.getString("impact"),
                rs.getLong("version"), instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "resolved_at"),
                rs.getString("postmortem_body"), rs.getInt("postmortem_revision"), instant(rs, "postmortem_published_at"),
                components(rs.getString("affected")), rs.getString("visibility"), rs.getTimestamp("deleted_at") != null);
    }

    private record Row(UUID id, String title, String status, String impact, long version, Instant createdAt,
                       Instant updatedAt, Instant resolvedAt, String postmortemBody, int postmortemRevision,
                       Instant postmortemPublishedAt, List<AffectedComponent> components, String visibility, boolean deleted) {

        IncidentSnapshot snapshot() {
            return new IncidentSnapshot(id, title, IncidentStatus.fromWireName(status), Impact.fromWireName(impact),
                    components, createdAt, updatedAt, resolvedAt, version, Visibility.fromWireName(visibility));
        }

        Postmortem postmortem() {
            return postmortemRevision == 0 ? null : new Postmortem(postmortemRevision, postmortemBody);
        }
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
