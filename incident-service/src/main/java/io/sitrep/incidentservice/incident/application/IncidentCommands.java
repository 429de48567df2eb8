package io.sitrep.incidentservice.incident.application;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentReopened;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.SitrepEvent;
import io.sitrep.incidentservice.component.Component;
import io.sitrep.incidentservice.component.ComponentId;
import io.sitrep.incidentservice.component.Components;
import io.sitrep.incidentservice.component.UnknownComponent;
import io.sitrep.events.AffectedComponent;
import io.sitrep.incidentservice.incident.ComponentStatusChange;
import io.sitrep.incidentservice.incident.EditIncident;
import io.sitrep.incidentservice.incident.Incident;
import io.sitrep.incidentservice.incident.IncidentDetails;
import io.sitrep.incidentservice.incident.IncidentId;
import io.sitrep.incidentservice.incident.Incidents;
import io.sitrep.incidentservice.incident.MaintenanceCoverage;
import io.sitrep.incidentservice.incident.OpenIncident;
import io.sitrep.incidentservice.incident.PublishIncident;
import io.sitrep.incidentservice.incident.ReopenIncident;
import io.sitrep.incidentservice.incident.ResolveIncident;
import io.sitrep.incidentservice.incident.UnknownIncident;
import io.sitrep.incidentservice.incident.UnknownUpdate;
import io.sitrep.incidentservice.incident.UpdateIncident;
import io.sitrep.support.outbox.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The incident use cases. Each runs in one transaction: it locks the incident and the components it
 * touches, applies the command, stores the new state and appends the events to the outbox, so that
 * state and events are committed together or not at all. Every event records its {@code actor}: the
 * API key's name, or the person a trusted client acted for.
 */
@Service
@Transactional
public class IncidentCommands {

    private final Incidents incidents;
    private final Components components;
    private final Outbox outbox;
    private final Clock clock;
    private final MaintenanceCoverage maintenance;

    public IncidentCommands(Incidents incidents, Components components, Outbox outbox, Clock clock, MaintenanceCoverage maintenance) {
        this.incidents = incidents;
        this.components = components;
        this.outbox = outbox;
        this.clock = clock;
        this.maintenance = maintenance;
    }

    public Incident open(String actor, OpenIncident command, List<ComponentStatusRequest> requested) {
        Instant now = clock.instant();
        Map<ComponentId, Component> locked = lockComponents(requested);
        List<ComponentStatusChange> changes = changes(requested, locked);
        Incident.Opening opening = Incident.open(command, changes, now);
        IncidentOpened event = opening.event().withActor(actor);
        incidents.add(opening.incident(), event);
        publish(event, changes, locked, now);
        return opening.incident();
    }

    public Incident update(String actor, IncidentId id, Long ifMatch, UpdateIncident command, List<ComponentStatusRequest> requested) {
        Instant now = clock.instant();
        Incident incident = lock(id, ifMatch);
        boolean resolves = command.status() == IncidentStatus.RESOLVED && incident.status().isOpen();
        return change(actor, incident, requested, resolves, changes -> incident.update(command, changes, now), now);
    }

    public Incident resolve(String actor, IncidentId id, Long ifMatch, ResolveIncident command, List<ComponentStatusRequest> requested) {
        Instant now = clock.instant();
        Incident incident = lock(id, ifMatch);
        return change(actor, incident, requested, incident.status().isOpen(), changes -> incident.resolve(command, changes, now), now);
    }

    /**
     * Makes an internal incident public. The components it affects take the statuses it gives them only now
     * (an internal incident leaves the public component statuses alone); {@code requested} sets some anew.
     */
    public Incident publish(String actor, IncidentId id, Long ifMatch, PublishIncident command, List<ComponentStatusRequest> requested) {
        Instant now = clock.instant();
        Incident incident = lock(id, ifMatch);
        Set<ComponentId> named = requested.stream().map(ComponentStatusRequest::id).collect(Collectors.toSet());
        List<ComponentStatusRequest> all = new ArrayList<>(requested);
        incident.components().stream()
                .filter(c -> !named.contains(new ComponentId(c.id())))
                .forEach(c -> all.add(new ComponentStatusRequest(new ComponentId(c.id()), c.status())));
        return change(actor, incident, all, false, changes -> incident.publish(command, changes, now), now);
    }

    /** Applies a change that may set component statuses; a resolution also restores the components it frees. */
    private Incident change(String actor, Incident incident, List<ComponentStatusRequest> requested, boolean resolves,
                            Function<List<ComponentStatusChange>, IncidentEvent> command, Instant now) {
        Map<ComponentId, Component> locked = resolves ? lockWithAffected(incident, requested) : lockComponents(requested);
        List<ComponentStatusRequest> all = resolves ? withRestoredComponents(incident, requested) : requested;
        List<ComponentStatusChange> changes = changes(all, locked);
        IncidentEvent event = command.apply(changes).withActor(actor);
        incidents.save(incident, event);
        publish(event, changes, locked, now);
        return incident;
    }

    /** Renames or re-rates the incident; unchanged when the title and impact are the ones it has. */
    public Incident edit(String actor, IncidentId id, Long ifMatch, EditIncident command) {
        Incident incident = lock(id, ifMatch);
        incident.edit(command, clock.instant()).map(edited -> edited.withActor(actor)).ifPresent(event -> {
            incidents.save(incident, event);
            outbox.append(List.of(event));
        });
        return incident;
    }

    /** Corrects the text of one update, keeping the earlier text as a revision; unchanged when the text is the same. */
    public Incident editUpdate(String actor, IncidentId id, Long ifMatch, UUID updateId, String message) {
        Incident incident = lock(id, ifMatch);
        IncidentDetails.TimelineEntry entry = incidents.update(id, updateId).orElseThrow(() -> new UnknownUpdate(id, updateId));
        incident.editUpdate(updateId, entry.update().message(), entry.revision(), message, clock.instant())
                .map(edited -> edited.withActor(actor)).ifPresent(event -> {
                    incidents.save(incident, event);
                    outbox.append(List.of(event));
                });
        return incident;
    }

    /**
     * Deletes an incident opened by mistake. An open one gives its components back as a resolution would, so
     * none is left down by an incident nobody can see any more.
     */
    public Incident delete(String actor, IncidentId id, Long ifMatch, String reason) {
        Instant now = clock.instant();
        Incident incident = lock(id, ifMatch);
        boolean open = incident.status().isOpen() && !incident.isDeleted();
        return change(actor, incident, List.of(), open, changes -> incident.delete(reason, now), now);
    }

    public Incident reopen(String actor, IncidentId id, Long ifMatch, ReopenIncident command) {
        Incident incident = lock(id, ifMatch);
        IncidentReopened event = incident.reopen(command, clock.instant()).withActor(actor);
        incidents.save(incident, event);
        outbox.append(List.of(event));
        return incident;
    }

    /** Publishes or revises the postmortem; unchanged when the body is the one already published. */
    public Incident publishPostmortem(String actor, IncidentId id, Long ifMatch, String body) {
        Incident incident = lock(id, ifMatch);
        incident.publishPostmortem(body, clock.instant()).map(published -> published.withActor(actor)).ifPresent(event -> {
            incidents.save(incident, event);
            outbox.append(List.of(event));
        });
        return incident;
    }

    private Incident lock(IncidentId id, Long ifMatch) {
        Incident incident = incidents.lock(id).orElseThrow(() -> new UnknownIncident(id));
        if (ifMatch != null) {
            incident.requireVersion(ifMatch);
        }
        return incident;
    }

    private Map<ComponentId, Component> lockComponents(List<ComponentStatusRequest> requested) {
        Map<ComponentId, Component> locked = components.lockAll(requested.stream().map(ComponentStatusRequest::id).toList());
        for (ComponentStatusRequest request : requested) {
            if (!locked.containsKey(request.id())) {
                throw new UnknownComponent(request.id());
            }
        }
        return locked;
    }

    /**
     * Locks the requested components and every component the incident affects, in one ordered pass,
     * before anyone asks whether other incidents still hold them: two incidents sharing a component
     * and resolved at once then see each other's outcome instead of each leaving it down.
     */
    private Map<ComponentId, Component> lockWithAffected(Incident incident, List<ComponentStatusRequest> requested) {
        List<ComponentStatusRequest> all = new ArrayList<>(requested);
        incident.components().forEach(c -> all.add(new ComponentStatusRequest(new ComponentId(c.id()), ComponentStatus.OPERATIONAL)));
        return lockComponents(all);
    }

    private static List<ComponentStatusChange> changes(List<ComponentStatusRequest> requested, Map<ComponentId, Component> locked) {
        Map<ComponentId, ComponentStatusChange> changes = new LinkedHashMap<>();
        for (ComponentStatusRequest request : requested) {
            Component component = locked.get(request.id());
            changes.put(request.id(), new ComponentStatusChange(request.id().value(), component.name(), request.status(), component.status()));
        }
        return new ArrayList<>(changes.values());
    }

    /**
     * On resolution, the components this incident affects go back to operational unless the command
     * sets them, or another open incident still holds them down; one that a maintenance window in
     * progress covers goes back to under_maintenance.
     */
    private List<ComponentStatusRequest> withRestoredComponents(Incident incident, List<ComponentStatusRequest> requested) {
        Set<String> named = requested.stream().map(r -> r.id().value()).collect(Collectors.toSet());
        List<String> candidates = incident.components().stream()
                .map(AffectedComponent::id)
                .filter(id -> !named.contains(id))
                .toList();
        Set<String> heldElsewhere = incidents.affectedByOtherOpenIncidents(incident.id(), candidates);
        List<String> freed = candidates.stream().filter(id -> !heldElsewhere.contains(id)).toList();
        Set<String> underMaintenance = maintenance.underMaintenance(freed);
        List<ComponentStatusRequest> all = new ArrayList<>(requested);
        freed.forEach(id -> all.add(new ComponentStatusRequest(new ComponentId(id),
                underMaintenance.contains(id) ? ComponentStatus.UNDER_MAINTENANCE : ComponentStatus.OPERATIONAL)));
        return all;
    }

    /**
     * Appends the event and the component changes it causes, done by the event's actor. An internal incident changes
     * no public component status: the status page would show what the public must not see yet.
     */
    private void publish(IncidentEvent event, List<ComponentStatusChange> changes, Map<ComponentId, Component> locked, Instant now) {
        List<SitrepEvent> events = new ArrayList<>();
        events.add(event);
        UUID incidentId = event.incidentId();
        for (ComponentStatusChange change : event.incident().isPublic() ? changes : List.<ComponentStatusChange>of()) {
            Component component = locked.get(new ComponentId(change.componentId()));
            component.changeStatus(change.status(), incidentId, event.occurredAt(), now).ifPresent(changed -> {
                components.save(component);
                events.add(changed.withActor(event.actor()));
            });
        }
        outbox.append(events);
    }
}
