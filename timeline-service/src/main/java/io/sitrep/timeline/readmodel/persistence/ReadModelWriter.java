package io.sitrep.timeline.readmodel.persistence;

import io.sitrep.events.ComponentEvent;
import io.sitrep.events.ComponentSnapshot;
import io.sitrep.events.ComponentStatusChanged;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentLifecycleEvent;
import io.sitrep.events.IncidentSnapshot;
import io.sitrep.events.IncidentUpdate;
import io.sitrep.events.PostmortemPublished;
import io.sitrep.events.SitrepEvent;
import io.sitrep.timeline.readmodel.Gap;
import io.sitrep.timeline.readmodel.VersionCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Applies one event to one generation of the read models, inside the caller's transaction: checks the
 * version against the one applied for the aggregate, records a gap, and writes the snapshot, the
 * timeline entry, the postmortem or the status change. Applying the same event twice changes nothing.
 */
@Repository
public class ReadModelWriter {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ReadModelWriter(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ApplyResult apply(SitrepEvent event, long generation) {
        if (event instanceof IncidentEvent incident) {
            return applyIncident(incident, generation);
        }
        if (event instanceof ComponentEvent component) {
            return applyComponent(component, generation);
        }
        throw new IllegalArgumentException(event.type().wireName() + " is not an incident or component event");
    }

    private ApplyResult applyIncident(IncidentEvent event, long generation) {
        ApplyResult checked = checkVersion(event, "incident", "SELECT version FROM incidents WHERE generation = ? AND id = ?",
                event.incidentId(), generation);
        if (!checked.check().applies()) {
            return checked;
        }
        VersionCheck check = checked.check();
        Gap gap = checked.gap();
        IncidentSnapshot incident = event.incident();
        String components = json.writeValueAsString(incident.components());
        jdbc.sql("""
                        INSERT INTO incidents (generation, id, version, last_event_id, title, status, impact, components,
                                               created_at, updated_at, resolved_at)
                        VALUES (:generation, :id, :version, :eventId, :title, :status, :impact, CAST(:components AS jsonb),
                                :createdAt, :updatedAt, :resolvedAt)
                        ON CONFLICT (generation, id) DO UPDATE SET
                            version = EXCLUDED.version, last_event_id = EXCLUDED.last_event_id, title = EXCLUDED.title,
                            status = EXCLUDED.status, impact = EXCLUDED.impact, components = EXCLUDED.components,
                            created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, resolved_at = EXCLUDED.resolved_at""")
                .param("generation", generation)
                .param("id", event.incidentId())
                .param("version", event.version())
                .param("eventId", event.eventId())
                .param("title", incident.title())
                .param("status", incident.status().wireName())
                .param("impact", incident.impact().wireName())
                .param("components", components)
                .param("createdAt", ts(incident.createdAt()))
                .param("updatedAt", ts(incident.updatedAt()))
                .param("resolvedAt", ts(incident.resolvedAt()))
                .update();
        jdbc.sql("""
                        INSERT INTO incident_versions (generation, incident_id, version, title, status, impact, components,
                                                       created_at, updated_at, resolved_at, occurred_at, published_at)
                        VALUES (:generation, :id, :version, :title, :status, :impact, CAST(:components AS jsonb),
                                :createdAt, :updatedAt, :resolvedAt, :occurredAt, :publishedAt)
                        ON CONFLICT DO NOTHING""")
                .param("generation", generation)
                .param("id", event.incidentId())
                .param("version", event.version())
                .param("title", incident.title())
                .param("status", incident.status().wireName())
                .param("impact", incident.impact().wireName())
                .param("components", components)
                .param("createdAt", ts(incident.createdAt()))
                .param("updatedAt", ts(incident.updatedAt()))
                .param("resolvedAt", ts(incident.resolvedAt()))
                .param("occurredAt", ts(event.occurredAt()))
                .param("publishedAt", ts(event.publishedAt()))
                .update();
        if (event instanceof IncidentLifecycleEvent lifecycle) {
            IncidentUpdate update = lifecycle.update();
            jdbc.sql("""
                            INSERT INTO timeline_entries (generation, incident_id, version, event_id, event_type, update_id, status,
                                                          previous_status, impact, previous_impact, message, component_changes,
                                                          occurred_at, published_at)
                            VALUES (:generation, :id, :version, :eventId, :type, :updateId, :status, :previousStatus, :impact,
                                    :previousImpact, :message, CAST(:changes AS jsonb), :occurredAt, :publishedAt)
                            ON CONFLICT DO NOTHING""")
                    .param("generation", generation)
                    .param("id", event.incidentId())
                    .param("version", event.version())
                    .param("eventId", event.eventId())
                    .param("type", event.type().wireName())
                    .param("updateId", update.id())
                    .param("status", update.status().wireName())
                    .param("previousStatus", update.previousStatus() == null ? null : update.previousStatus().wireName())
                    .param("impact", update.impact().wireName())
                    .param("previousImpact", update.previousImpact() == null ? null : update.previousImpact().wireName())
                    .param("message", update.message())
                    .param("changes", json.writeValueAsString(update.componentChanges()))
                    .param("occurredAt", ts(event.occurredAt()))
                    .param("publishedAt", ts(event.publishedAt()))
                    .update();
        }
        if (event instanceof PostmortemPublished postmortem) {
            jdbc.sql("""
                            INSERT INTO postmortems (generation, incident_id, revision, version, body, occurred_at, published_at)
                            VALUES (:generation, :id, :revision, :version, :body, :occurredAt, :publishedAt)
                            ON CONFLICT (generation, incident_id, revision) DO UPDATE SET
                                version = EXCLUDED.version, body = EXCLUDED.body,
                                occurred_at = EXCLUDED.occurred_at, published_at = EXCLUDED.published_at""")
                    .param("generation", generation)
                    .param("id", event.incidentId())
                    .param("revision", postmortem.postmortem().revision())
                    .param("version", event.version())
                    .param("body", postmortem.postmortem().body())
                    .param("occurredAt", ts(event.occurredAt()))
                    .param("publishedAt", ts(event.publishedAt()))
                    .update();
        }
        return new ApplyResult(check, gap);
    }

    private ApplyResult applyComponent(ComponentEvent event, long generation) {
        ApplyResult checked = checkVersion(event, "component", "SELECT version FROM components WHERE generation = ? AND id = ?",
                event.componentId(), generation);
        if (!checked.check().applies()) {
            return checked;
        }
        VersionCheck check = checked.check();
        Gap gap = checked.gap();
        ComponentSnapshot component = event.component();
        jdbc.sql("""
                        INSERT INTO components (generation, id, version, last_event_id, name, group_name, description, status,
                                                created_at, updated_at)
                        VALUES (:generation, :id, :version, :eventId, :name, :group, :description, :status, :createdAt, :updatedAt)
                        ON CONFLICT (generation, id) DO UPDATE SET
                            version = EXCLUDED.version, last_event_id = EXCLUDED.last_event_id, name = EXCLUDED.name,
                            group_name = EXCLUDED.group_name, description = EXCLUDED.description, status = EXCLUDED.status,
                            updated_at = EXCLUDED.updated_at""")
                .param("generation", generation)
                .param("id", event.componentId())
                .param("version", event.version())
                .param("eventId", event.eventId())
                .param("name", component.name())
                .param("group", component.group())
                .param("description", component.description())
                .param("status", component.status().wireName())
                .param("createdAt", ts(event.occurredAt()))
                .param("updatedAt", ts(component.updatedAt()))
                .update();
        if (event instanceof ComponentStatusChanged changed) {
            jdbc.sql("""
                            INSERT INTO component_status_history (generation, component_id, version, status, previous_status,
                                                                  incident_id, occurred_at, published_at)
                            VALUES (:generation, :id, :version, :status, :previousStatus, :incidentId, :occurredAt, :publishedAt)
                            ON CONFLICT DO NOTHING""")
                    .param("generation", generation)
                    .param("id", event.componentId())
                    .param("version", event.version())
                    .param("status", changed.status().wireName())
                    .param("previousStatus", changed.previousStatus().wireName())
                    .param("incidentId", changed.incidentId())
                    .param("occurredAt", ts(event.occurredAt()))
                    .param("publishedAt", ts(event.publishedAt()))
                    .update();
        }
        return new ApplyResult(check, gap);
    }

    /**
     * Locks the aggregate in this generation, compares the event's version with the one applied, and
     * records a gap when the event jumps ahead.
     *
     * @param versionQuery the applied version of the aggregate, by generation and id
     */
    private ApplyResult checkVersion(SitrepEvent event, String aggregateType, String versionQuery, Object id, long generation) {
        lock(generation, aggregateType, event.aggregateId());
        long applied = jdbc.sql(versionQuery).params(generation, id).query(Long.class).optional().orElse(0L);
        VersionCheck check = VersionCheck.of(applied, event.version());
        Gap gap = check == VersionCheck.APPLY_AFTER_GAP ? recordGap(event, aggregateType, applied, generation) : null;
        return new ApplyResult(check, gap);
    }

    private Gap recordGap(SitrepEvent event, String aggregateType, long applied, long generation) {
        Gap gap = new Gap(aggregateType, event.aggregateId(), applied + 1, event.version(), event.eventId(),
                event.type().wireName(), event.publishedAt());
        jdbc.sql("""
                        INSERT INTO version_gaps (generation, aggregate_type, aggregate_id, expected_version, received_version,
                                                  event_id, event_type, published_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(generation, aggregateType, gap.aggregateId(), gap.expectedVersion(), gap.receivedVersion(),
                        gap.eventId(), gap.eventType(), ts(gap.publishedAt()))
                .update();
        return gap;
    }

    /** One aggregate of one generation is changed by one transaction at a time, even across instances. */
    private void lock(long generation, String aggregateType, String aggregateId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(generation + ":" + aggregateType + ":" + aggregateId)
                .query((rs, row) -> 0).list();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
