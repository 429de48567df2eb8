package io.sitrep.incidentservice.template.persistence;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.incidentservice.component.ComponentId;
import io.sitrep.incidentservice.template.Template;
import io.sitrep.incidentservice.template.TemplateId;
import io.sitrep.incidentservice.template.Templates;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Templates} on PostgreSQL through plain SQL. */
@Repository
class JdbcTemplates implements Templates {

    private final JdbcClient jdbc;

    JdbcTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A template's own row, before its components are added. */
    private record Row(String id, String name, String title, String impact, String message, Instant createdAt, Instant updatedAt) {

        Template with(List<Template.ComponentSetting> components) {
            return new Template(new TemplateId(id), name, title, impact == null ? null : Impact.fromWireName(impact), message,
                    components, createdAt, updatedAt);
        }
    }

    @Override
    public Optional<Template> find(TemplateId id) {
        return jdbc.sql("SELECT * FROM incident_templates WHERE id = :id").param("id", id.value())
                .query(JdbcTemplates::row).optional()
                .map(row -> row.with(components(List.of(row.id())).getOrDefault(row.id(), List.of())));
    }

    @Override
    public List<Template> all() {
        List<Row> rows = jdbc.sql("SELECT * FROM incident_templates ORDER BY name, id").query(JdbcTemplates::row).list();
        Map<String, List<Template.ComponentSetting>> components = components(rows.stream().map(Row::id).toList());
        return rows.stream().map(row -> row.with(components.getOrDefault(row.id(), List.of()))).toList();
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT count(*) FROM incident_templates").query(Long.class).single();
    }

    @Override
    public boolean put(Template template) {
        // xmax is 0 on a row this statement inserted, and the id of this transaction on one it updated.
        boolean created = jdbc.sql("""
                        INSERT INTO incident_templates (id, name, title, impact, message, created_at, updated_at)
                        VALUES (:id, :name, :title, :impact, :message, :createdAt, :updatedAt)
                        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, title = EXCLUDED.title, impact = EXCLUDED.impact,
                            message = EXCLUDED.message, updated_at = EXCLUDED.updated_at
                        RETURNING (xmax = 0)""")
                .param("id", template.id().value())
                .param("name", template.name())
                .param("title", template.title())
                .param("impact", template.impact() == null ? null : template.impact().wireName())
                .param("message", template.message())
                .param("createdAt", Timestamp.from(template.createdAt()))
                .param("updatedAt", Timestamp.from(template.updatedAt()))
                .query(Boolean.class).single();
        jdbc.sql("DELETE FROM incident_template_components WHERE template_id = :id").param("id", template.id().value()).update();
        List<Template.ComponentSetting> components = template.components();
        for (int i = 0; i < components.size(); i++) {
            jdbc.sql("""
                            INSERT INTO incident_template_components (template_id, position, component_id, status)
                            VALUES (:id, :position, :component, :status)""")
                    .param("id", template.id().value())
                    .param("position", i)
                    .param("component", components.get(i).id().value())
                    .param("status", components.get(i).status().wireName())
                    .update();
        }
        return created;
    }

    @Override
    public boolean remove(TemplateId id) {
        return jdbc.sql("DELETE FROM incident_templates WHERE id = :id").param("id", id.value()).update() == 1;
    }

    private Map<String, List<Template.ComponentSetting>> components(List<String> templateIds) {
        Map<String, List<Template.ComponentSetting>> byTemplate = new LinkedHashMap<>();
        if (templateIds.isEmpty()) {
            return byTemplate;
        }
        jdbc.sql("""
                        SELECT template_id, component_id, status FROM incident_template_components
                        WHERE template_id IN (:ids) ORDER BY template_id, position""")
                .param("ids", templateIds)
                .query((RowCallbackHandler) rs -> byTemplate.computeIfAbsent(rs.getString("template_id"), key -> new ArrayList<>())
                        .add(new Template.ComponentSetting(new ComponentId(rs.getString("component_id")),
                                ComponentStatus.fromWireName(rs.getString("status")))));
        return byTemplate;
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("name"), rs.getString("title"), rs.getString("impact"), rs.getString("message"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
