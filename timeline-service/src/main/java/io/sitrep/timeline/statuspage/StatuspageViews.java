package io.sitrep.timeline.statuspage;

import io.sitrep.events.AffectedComponent;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.timeline.page.PageSettings;
import io.sitrep.timeline.readmodel.ComponentView;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.MaintenanceUpdateEntry;
import io.sitrep.timeline.readmodel.MaintenanceView;
import io.sitrep.timeline.readmodel.OverallStatus;
import io.sitrep.timeline.readmodel.TimelineEntry;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Maps the read models to Statuspage's public JSON objects. */
@Component
class StatuspageViews {


    private final PageSettings settings;
    private final Clock clock;

    StatuspageViews(PageSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The page; it was last updated when its most recently changed component or incident was. */
    SpPage page(Collection<ComponentView> components, Collection<IncidentView> incidents) {
        return page(components, incidents, List.of());
    }

    /** The page; it was last updated when its most recently changed component, incident or maintenance window was. */
    SpPage page(Collection<ComponentView> components, Collection<IncidentView> incidents, Collection<MaintenanceView> maintenances) {
        Instant updated = components.stream().map(ComponentView::updatedAt).max(Instant::compareTo).orElse(null);
        for (IncidentView incident : incidents) {
            if (updated == null || incident.updatedAt().isAfter(updated)) {
                updated = incident.updatedAt();
            }
        }
        for (MaintenanceView maintenance : maintenances) {
            if (updated == null || maintenance.updatedAt().isAfter(updated)) {
                updated = maintenance.updatedAt();
            }
        }
        return new SpPage(settings.id(), settings.name(), settings.url(), settings.timeZone().getId(), updated == null ? clock.instant() : updated);
    }

    SpStatus status(Collection<ComponentView> components, Collection<IncidentView> openIncidents) {
        OverallStatus status = OverallStatus.of(components, openIncidents);
        return new SpStatus(status.indicator().wireName(), status.description());
    }

    /**
     * Ungrouped components first, then each group followed by its members; {@code position} counts
     * from 1 within the page's top level and within each group, in the order the components come (so an
     * ungrouped component ordered after a group has a higher top-level position than the group).
     */
    List<SpComponent> components(List<ComponentView> components) {
        List<SpComponent> result = new ArrayList<>();
        Map<String, List<ComponentView>> groups = new LinkedHashMap<>();
        Map<String, Integer> groupPositions = new HashMap<>();
        int position = 0;
        for (ComponentView component : components) {
            if (component.group() == null) {
                result.add(component(component, ++position, null));
            } else {
                if (!groups.containsKey(component.group())) {
                    groupPositions.put(component.group(), ++position);
                }
                groups.computeIfAbsent(component.group(), key -> new ArrayList<>()).add(component);
            }
        }
        for (Map.Entry<String, List<ComponentView>> group : groups.entrySet()) {
            List<ComponentView> members = group.getValue();
            String groupId = groupId(group.getKey());
            ComponentStatus worst = members.stream().map(ComponentView::status).max((a, b) -> severity(a) - severity(b)).orElseThrow();
            Instant created = members.stream().map(ComponentView::createdAt).min(Instant::compareTo).orElseThrow();
            Instant updated = members.stream().map(ComponentView::updatedAt).max(Instant::compareTo).orElseThrow();
            result.add(new SpComponent(groupId, group.getKey(), worst.wireName(), created, updated, groupPositions.get(group.getKey()), null, false,
                    created.atZone(ZoneOffset.UTC).toLocalDate(), null, settings.id(), true, false,
                    members.stream().map(ComponentView::id).toList()));
            int memberPosition = 0;
            for (ComponentView member : members) {
                result.add(component(member, ++memberPosition, groupId));
            }
        }
        return result;
    }

    /** The incidents with their updates (newest first) and the components they affect. */
    List<SpIncident> incidents(List<IncidentView> incidents, Map<UUID, List<TimelineEntry>> timelines, List<ComponentView> components) {
        Map<String, SpComponent> byId = components(components).stream()
                .filter(c -> !c.group())
                .collect(Collectors.toMap(SpComponent::id, Function.identity()));
        List<SpIncident> result = new ArrayList<>();
        for (IncidentView incident : incidents) {
            List<TimelineEntry> timeline = timelines.getOrDefault(incident.id(), List.of());
            List<SpIncident.SpIncidentUpdate> updates = new ArrayList<>();
            Instant monitoringAt = null;
            for (TimelineEntry entry : timeline) {
                if (entry.status() == IncidentStatus.MONITORING && entry.previousStatus() != IncidentStatus.MONITORING) {
                    monitoringAt = entry.occurredAt();
                }
                updates.add(0, new SpIncident.SpIncidentUpdate(entry.id(), entry.status().wireName(), entry.message(), incident.id(),
                        entry.publishedAt(), entry.publishedAt(), entry.occurredAt(),
                        entry.componentChanges().stream().map(change -> new SpIncident.SpAffectedComponent(change.id(), change.name(),
                                change.previousStatus().wireName(), change.status().wireName())).toList(),
                        true, null, null, entry.actor()));
            }
            List<SpComponent> affected = incident.components().stream()
                    .map(component -> byId.getOrDefault(component.id(), fallback(component)))
                    .filter(Objects::nonNull)
                    .toList();
            result.add(new SpIncident(incident.id(), incident.title(), incident.status().wireName(), incident.createdAt(),
                    incident.updatedAt(), monitoringAt, incident.resolvedAt(), incident.impact().wireName(),
                    settings.url() + "/incidents/" + incident.id(), incident.createdAt(), settings.id(), updates, affected));
        }
        return result;
    }

    /**
     * The maintenance windows with their updates (newest first) and the components they cover. A cancelled
     * window and its cancelling update show as {@code completed}, Statuspage having no cancelled status.
     */
    List<SpScheduledMaintenance> maintenances(List<MaintenanceView> maintenances, Map<UUID, List<MaintenanceUpdateEntry>> updates,
                                              List<ComponentView> components) {
        Map<String, SpComponent> byId = components(components).stream()
                .filter(c -> !c.group())
                .collect(Collectors.toMap(SpComponent::id, Function.identity()));
        List<SpScheduledMaintenance> result = new ArrayList<>();
        for (MaintenanceView maintenance : maintenances) {
            List<SpIncident.SpIncidentUpdate> spUpdates = new ArrayList<>();
            Instant monitoringAt = null;
            for (MaintenanceUpdateEntry entry : updates.getOrDefault(maintenance.id(), List.of())) {
                if (entry.status() == MaintenanceStatus.VERIFYING && entry.previousStatus() != MaintenanceStatus.VERIFYING) {
                    monitoringAt = entry.occurredAt();
                }
                spUpdates.add(0, new SpIncident.SpIncidentUpdate(entry.id(), statuspageStatus(entry.status()), entry.message(),
                        maintenance.id(), entry.publishedAt(), entry.publishedAt(), entry.occurredAt(), List.of(), true, null, null, null));
            }
            String fallbackStatus = maintenance.status().isActive() ? ComponentStatus.UNDER_MAINTENANCE.wireName()
                    : ComponentStatus.OPERATIONAL.wireName();
            List<SpComponent> covered = maintenance.components().stream()
                    .map(component -> byId.getOrDefault(component.id(), fallback(component.id(), component.name(), fallbackStatus)))
                    .toList();
            Instant resolvedAt = maintenance.completedAt() != null ? maintenance.completedAt() : maintenance.cancelledAt();
            result.add(new SpScheduledMaintenance(maintenance.id(), maintenance.title(), statuspageStatus(maintenance.status()),
                    maintenance.createdAt(), maintenance.updatedAt(), monitoringAt, resolvedAt, "maintenance",
                    settings.url() + "/#maintenance-" + maintenance.id(),
                    maintenance.startedAt() != null ? maintenance.startedAt() : maintenance.createdAt(), settings.id(), spUpdates, covered,
                    maintenance.scheduledFor(), maintenance.scheduledUntil()));
        }
        return result;
    }

    /** Statuspage's maintenance statuses are scheduled, in_progress, verifying and completed. */
    private static String statuspageStatus(MaintenanceStatus status) {
        return status == MaintenanceStatus.CANCELLED ? MaintenanceStatus.COMPLETED.wireName() : status.wireName();
    }

    private SpComponent component(ComponentView component, int position, String groupId) {
        return new SpComponent(component.id(), component.name(), component.status().wireName(), component.createdAt(),
                component.updatedAt(), position, component.description(), true,
                component.createdAt().atZone(ZoneOffset.UTC).toLocalDate(), groupId, settings.id(), false, false, null);
    }

    /** A component an incident or a maintenance window names but whose own events this service has not seen. */
    private SpComponent fallback(AffectedComponent component) {
        return fallback(component.id(), component.name(), component.status().wireName());
    }

    private SpComponent fallback(String id, String name, String status) {
        return new SpComponent(id, name, status, null, null, 0, null, true, null, null, settings.id(), false, false, null);
    }

    /** Maintenance ranks above operational and below every outage. */
    private static int severity(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> 0;
            case UNDER_MAINTENANCE -> 1;
            case DEGRADED_PERFORMANCE -> 2;
            case PARTIAL_OUTAGE -> 3;
            case MAJOR_OUTAGE -> 4;
        };
    }

    /** A stable id for a group, from its name: groups are not aggregates of their own. */
    static String groupId(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "group-" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
