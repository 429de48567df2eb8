package io.sitrep.incidentservice.maintenance.application;

import io.sitrep.events.ComponentEvent;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.MaintenanceCompleted;
import io.sitrep.events.MaintenanceComponent;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.events.MaintenanceStarted;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.events.SitrepEvent;
import io.sitrep.incidentservice.component.Component;
import io.sitrep.incidentservice.component.ComponentId;
import io.sitrep.incidentservice.component.Components;
import io.sitrep.incidentservice.component.UnknownComponent;
import io.sitrep.incidentservice.incident.Incidents;
import io.sitrep.incidentservice.maintenance.ChangeMaintenance;
import io.sitrep.incidentservice.maintenance.Maintenance;
import io.sitrep.incidentservice.maintenance.MaintenanceId;
import io.sitrep.incidentservice.maintenance.Maintenances;
import io.sitrep.incidentservice.maintenance.ScheduleMaintenance;
import io.sitrep.incidentservice.maintenance.UnknownMaintenance;
import io.sitrep.incidentservice.maintenance.WindowRules;
import io.sitrep.support.outbox.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The maintenance use cases. Each runs in one transaction: it locks the window (and, when it starts or
 * completes, the components it covers), applies the command, stores the new state and appends the events
 * to the outbox, so that state and events are committed together or not at all. The automatic steps run
 * here too, for the windows {@link Maintenances#lockDue} claims.
 *
 * <p>Every event records its actor: the one the command names, or {@link #SCHEDULER} for the steps a window
 * takes by itself; the component status changes a window causes are done by the same actor.
 *
 * <p>Component statuses: when a window starts, each component it covers goes to {@code under_maintenance},
 * unless an open incident holds it at another status (the incident wins). When it completes, each
 * component still {@code under_maintenance} returns to the most severe status an open incident gives it,
 * else {@code operational}; one that is no longer {@code under_maintenance} (an incident or a direct change
 * set it meanwhile) and one that another in-progress window still covers are left as they are.
 */
@Service
@Transactional
public class MaintenanceCommands {

    /** The actor of the steps a window takes by itself: reminders, automatic starts and completions. */
    public static final String SCHEDULER = "scheduler";

    private final Maintenances maintenances;
    private final Components components;
    private final Incidents incidents;
    private final Outbox outbox;
    private final Clock clock;
    private final WindowRules rules;

    public MaintenanceCommands(Maintenances maintenances, Components components, Incidents incidents, Outbox outbox,
                               Clock clock, MaintenanceSettings settings) {
        this.maintenances = maintenances;
        this.components = components;
        this.incidents = incidents;
        this.outbox = outbox;
        this.clock = clock;
        this.rules = new WindowRules(settings.maxWindow(), WindowRules.DEFAULT_PAST_TOLERANCE);
    }

    public Maintenance schedule(String actor, ScheduleMaintenance command, List<ComponentId> componentIds) {
        List<MaintenanceComponent> covered = named(componentIds);
        Maintenance.Scheduling scheduling = Maintenance.schedule(command, covered, rules, clock.instant());
        MaintenanceScheduled event = scheduling.event().withActor(actor);
        maintenances.add(scheduling.maintenance(), event);
        outbox.append(List.of(event));
        return scheduling.maintenance();
    }

    /** @param componentIds the components it covers from now on; null keeps them */
    public Maintenance change(String actor, MaintenanceId id, Long ifMatch, ChangeMaintenance command, List<ComponentId> componentIds) {
        Maintenance maintenance = lock(id, ifMatch);
        List<MaintenanceComponent> covered = componentIds == null ? null : named(componentIds);
        maintenance.change(command, covered, rules, clock.instant()).map(changed -> changed.withActor(actor)).ifPresent(event -> {
            maintenances.save(maintenance, List.of(event));
            outbox.append(List.of(event));
        });
        return maintenance;
    }

    public Maintenance post(String actor, MaintenanceId id, Long ifMatch, String message, MaintenanceStatus status) {
        return apply(actor, id, ifMatch, m -> m.post(message, status, clock.instant()));
    }

    public Maintenance start(String actor, MaintenanceId id, Long ifMatch, String message) {
        return apply(actor, id, ifMatch, m -> m.start(message, clock.instant()));
    }

    public Maintenance complete(String actor, MaintenanceId id, Long ifMatch, String message) {
        return apply(actor, id, ifMatch, m -> m.complete(message, clock.instant()));
    }

    public Maintenance cancel(String actor, MaintenanceId id, Long ifMatch, String message) {
        return apply(actor, id, ifMatch, m -> m.cancel(message, clock.instant()));
    }

    /**
     * Claims up to {@code limit} windows with a step due now and applies every due step, in this
     * transaction; a window another instance holds is skipped, so each step happens once.
     *
     * @return the events published
     */
    public List<MaintenanceEvent> applyDue(int limit) {
        Instant now = clock.instant();
        List<MaintenanceEvent> applied = new ArrayList<>();
        for (Maintenance maintenance : maintenances.lockDue(now, limit)) {
            List<MaintenanceEvent> events = maintenance.catchUp(now).stream().map(event -> event.withActor(SCHEDULER)).toList();
            if (events.isEmpty()) {
                continue;
            }
            maintenances.save(maintenance, events);
            publish(maintenance, events, now);
            applied.addAll(events);
        }
        return applied;
    }

    private Maintenance apply(String actor, MaintenanceId id, Long ifMatch, Function<Maintenance, MaintenanceEvent> command) {
        Maintenance maintenance = lock(id, ifMatch);
        MaintenanceEvent event = command.apply(maintenance).withActor(actor);
        maintenances.save(maintenance, List.of(event));
        publish(maintenance, List.of(event), clock.instant());
        return maintenance;
    }

    /** Appends the events, each followed by the component status changes it causes. */
    private void publish(Maintenance maintenance, List<MaintenanceEvent> events, Instant now) {
        List<SitrepEvent> all = new ArrayList<>();
        for (MaintenanceEvent event : events) {
            all.add(event);
            if (event instanceof MaintenanceStarted) {
                all.addAll(startMaintenanceOf(maintenance, event.occurredAt(), now).stream().map(c -> c.withActor(event.actor())).toList());
            } else if (event instanceof MaintenanceCompleted) {
                all.addAll(endMaintenanceOf(maintenance, event.occurredAt(), now).stream().map(c -> c.withActor(event.actor())).toList());
            }
        }
        outbox.append(all);
    }

    private List<ComponentEvent> startMaintenanceOf(Maintenance maintenance, Instant occurredAt, Instant now) {
        Map<ComponentId, Component> locked = components.lockAll(ids(maintenance));
        Map<String, ComponentStatus> heldByIncidents = incidents.statusesGivenByOpenIncidents(names(locked));
        List<ComponentEvent> events = new ArrayList<>();
        for (Component component : locked.values()) {
            if (!heldByIncidents.containsKey(component.id().value())) {
                component.changeStatus(ComponentStatus.UNDER_MAINTENANCE, null, occurredAt, now).ifPresent(changed -> {
                    components.save(component);
                    events.add(changed);
                });
            }
        }
        return events;
    }

    private List<ComponentEvent> endMaintenanceOf(Maintenance maintenance, Instant occurredAt, Instant now) {
        Map<ComponentId, Component> locked = components.lockAll(ids(maintenance));
        Set<String> stillCovered = maintenances.coveredByActiveWindows(maintenance.id(), names(locked));
        Map<String, ComponentStatus> heldByIncidents = incidents.statusesGivenByOpenIncidents(names(locked));
        List<ComponentEvent> events = new ArrayList<>();
        for (Component component : locked.values()) {
            String id = component.id().value();
            if (component.status() != ComponentStatus.UNDER_MAINTENANCE || stillCovered.contains(id)) {
                continue;
            }
            ComponentStatus restored = heldByIncidents.getOrDefault(id, ComponentStatus.OPERATIONAL);
            component.changeStatus(restored, null, occurredAt, now).ifPresent(changed -> {
                components.save(component);
                events.add(changed);
            });
        }
        return events;
    }

    private Maintenance lock(MaintenanceId id, Long ifMatch) {
        Maintenance maintenance = maintenances.lock(id).orElseThrow(() -> new UnknownMaintenance(id));
        if (ifMatch != null) {
            maintenance.requireVersion(ifMatch);
        }
        return maintenance;
    }

    /** The components with their names; unknown ones are refused as incidents refuse them. */
    private List<MaintenanceComponent> named(List<ComponentId> ids) {
        List<MaintenanceComponent> named = new ArrayList<>();
        for (ComponentId id : ids) {
            named.add(components.find(id).map(c -> new MaintenanceComponent(c.id(), c.name()))
                    .orElseThrow(() -> new UnknownComponent(id)));
        }
        return named;
    }

    private static List<ComponentId> ids(Maintenance maintenance) {
        return maintenance.components().stream().map(c -> new ComponentId(c.id())).toList();
    }

    private static List<String> names(Map<ComponentId, Component> locked) {
        return locked.keySet().stream().map(ComponentId::value).toList();
    }
}
