package io.sitrep.notification.webhook;

import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentLifecycleEvent;
import io.sitrep.events.IncidentSnapshot;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.IncidentUpdate;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.MaintenanceSnapshot;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.events.MaintenanceUpdate;
import io.sitrep.events.PostmortemPublished;
import io.sitrep.events.SitrepEvent;
import io.sitrep.notification.notice.PageSettings;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The body of a webhook subscription in the {@code statuspage} format: Statuspage's webhook notification, so that a
 * receiver written for Statuspage works unchanged. Top level {@code meta}, {@code page} and {@code incident};
 * the incident holds the event's update as its one {@code incident_updates} entry. A maintenance window is sent as
 * Statuspage sends one, an incident with impact {@code maintenance}, its status {@code scheduled},
 * {@code in_progress}, {@code verifying} or {@code completed} (a cancelled window is {@code completed}) and its
 * {@code scheduled_*} fields. Sitrep's component events notify nobody, so no {@code component_update} is sent.
 * Rendered from the event stored with the delivery: the same bytes on every attempt, signed as any webhook.
 */
public final class StatuspagePayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PageSettings page;

    public StatuspagePayload(PageSettings page) {
        this.page = page;
    }

    /** The body of an incident or maintenance event. */
    public byte[] body(SitrepEvent event) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("meta").putNull("unsubscribe").putNull("documentation").put("generated_at", event.publishedAt().toString());
        if (event instanceof IncidentEvent incident) {
            String indicator = incident.incident().status() == IncidentStatus.RESOLVED ? "none" : incident.incident().impact().wireName();
            page(body, indicator);
            incident(body.putObject("incident"), incident);
        } else if (event instanceof MaintenanceEvent maintenance) {
            page(body, "none");
            maintenance(body.putObject("incident"), maintenance);
        } else {
            throw new IllegalArgumentException(event.type().wireName() + " notifies nobody");
        }
        return JSON.writeValueAsBytes(body);
    }

    private void page(ObjectNode body, String indicator) {
        body.putObject("page").put("id", page.id()).put("status_indicator", indicator).put("status_description", switch (indicator) {
            case "critical" -> "Major System Outage";
            case "major" -> "Partial System Outage";
            case "minor" -> "Minor Service Outage";
            default -> "All Systems Operational";
        });
    }

    private void incident(ObjectNode out, IncidentEvent event) {
        IncidentSnapshot incident = event.incident();
        common(out, incident.id(), incident.title(), incident.status().wireName(), incident.impact().wireName(),
                incident.createdAt(), incident.updatedAt(), incident.resolvedAt(), page.incidentUrl(incident.id()));
        IncidentUpdate update = event instanceof IncidentLifecycleEvent lifecycle ? lifecycle.update() : null;
        boolean nowMonitoring = update != null && update.status() == IncidentStatus.MONITORING && update.previousStatus() != IncidentStatus.MONITORING;
        time(out, "monitoring_at", nowMonitoring ? event.occurredAt() : null);
        for (String field : new String[] {"scheduled_for", "scheduled_until", "scheduled_reminded_at"}) {
            out.putNull(field);
        }
        out.put("scheduled_remind_prior", false).put("scheduled_auto_in_progress", false).put("scheduled_auto_completed", false)
                .put("scheduled_auto_transition", false);
        if (event instanceof PostmortemPublished postmortem) {
            out.put("postmortem_body", postmortem.postmortem().body());
            time(out, "postmortem_body_last_updated_at", event.occurredAt());
            time(out, "postmortem_published_at", event.occurredAt());
        } else {
            out.putNull("postmortem_body").putNull("postmortem_body_last_updated_at").putNull("postmortem_published_at");
        }
        out.put("postmortem_ignored", false).put("postmortem_notified_subscribers", false).put("postmortem_notified_twitter", false);
        ArrayNode components = out.putArray("components");
        incident.components().forEach(c -> components.addObject().put("id", c.id()).put("name", c.name()).put("status", c.status().wireName()));
        ArrayNode updates = out.putArray("incident_updates");
        if (update != null) {
            ObjectNode u = update(updates, update.id(), incident.id(), update.status().wireName(), update.message(), event.occurredAt());
            ArrayNode affected = u.putArray("affected_components");
            update.componentChanges().forEach(c -> affected.addObject().put("code", c.id()).put("name", c.name())
                    .put("old_status", c.previousStatus().wireName()).put("new_status", c.status().wireName()));
        }
    }

    private void maintenance(ObjectNode out, MaintenanceEvent event) {
        MaintenanceSnapshot m = event.maintenance();
        String status = m.status() == MaintenanceStatus.CANCELLED ? "completed" : m.status().wireName();
        Instant resolved = m.completedAt() != null ? m.completedAt() : m.cancelledAt();
        common(out, m.id(), m.title(), status, "maintenance", m.createdAt(), m.updatedAt(), resolved, page.pageUrl());
        out.putNull("monitoring_at");
        time(out, "scheduled_for", m.scheduledFor());
        time(out, "scheduled_until", m.scheduledUntil());
        time(out, "scheduled_reminded_at", m.remindedAt());
        out.put("scheduled_remind_prior", m.remindBefore() != null).put("scheduled_auto_in_progress", m.autoStart())
                .put("scheduled_auto_completed", m.autoComplete()).put("scheduled_auto_transition", m.autoStart() || m.autoComplete());
        out.putNull("postmortem_body").putNull("postmortem_body_last_updated_at").putNull("postmortem_published_at");
        out.put("postmortem_ignored", true).put("postmortem_notified_subscribers", false).put("postmortem_notified_twitter", false);
        ArrayNode components = out.putArray("components");
        m.components().forEach(c -> components.addObject().put("id", c.id()).put("name", c.name())
                .put("status", m.status().isActive() ? "under_maintenance" : "operational"));
        ArrayNode updates = out.putArray("incident_updates");
        MaintenanceUpdate update = event.postedUpdate();
        if (update != null) {
            String updateStatus = update.status() == MaintenanceStatus.CANCELLED ? "completed" : update.status().wireName();
            update(updates, update.id(), m.id(), updateStatus, update.message(), update.createdAt() == null ? event.occurredAt() : update.createdAt())
                    .putArray("affected_components");
        }
    }

    private void common(ObjectNode out, UUID id, String name, String status, String impact, Instant createdAt, Instant updatedAt,
                        Instant resolvedAt, String shortlink) {
        out.put("id", id.toString()).put("name", name).put("status", status).put("impact", impact).putNull("impact_override");
        time(out, "created_at", createdAt);
        time(out, "updated_at", updatedAt);
        time(out, "resolved_at", resolvedAt);
        out.put("shortlink", shortlink).put("backfilled", false).put("page_id", page.id()).put("organization_id", page.id());
    }

    private static ObjectNode update(ArrayNode updates, UUID id, UUID incidentId, String status, String body, Instant at) {
        ObjectNode u = updates.addObject();
        u.put("id", id.toString()).put("incident_id", incidentId.toString()).put("status", status).put("body", body == null ? "" : body);
        time(u, "created_at", at);
        time(u, "updated_at", at);
        time(u, "display_at", at);
        u.putNull("twitter_updated_at").put("wants_twitter_update", false);
        return u;
    }

    private static void time(ObjectNode out, String field, Instant at) {
        if (at == null) {
            out.putNull(field);
        } else {
            out.put(field, at.toString());
        }
    }
}
