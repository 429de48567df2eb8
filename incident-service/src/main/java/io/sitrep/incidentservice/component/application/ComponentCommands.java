package io.sitrep.incidentservice.component.application;

import io.sitrep.events.ComponentSnapshot;
import io.sitrep.events.ComponentStatus;
import io.sitrep.incidentservice.component.Component;
import io.sitrep.incidentservice.component.ComponentId;
import io.sitrep.incidentservice.component.Components;
import io.sitrep.incidentservice.component.UnknownComponent;
import io.sitrep.support.outbox.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The component use cases; each stores the component and its event, done by the given actor, in one transaction. */
@Service
@Transactional
public class ComponentCommands {

    private final Components components;
    private final Outbox outbox;
    private final Clock clock;

    public ComponentCommands(Components components, Outbox outbox, Clock clock) {
        this.components = components;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The outcome of a definition: the component, and whether it is new. */
    public record Defined(ComponentSnapshot component, boolean created) {
    }

    /**
     * Creates the component, or changes its name, group, description and position.
     *
     * @param position where it is listed within its group, lowest first; null when unordered
     */
    public Defined define(String actor, ComponentId id, String name, String group, String description, Integer position) {
        Instant now = clock.instant();
        Component existing = components.lockAll(Set.of(id)).get(id);
        if (existing == null) {
            Component.Definition definition = Component.define(id, name, group, description, position, now);
            if (components.addIfAbsent(definition.component())) {
                outbox.append(List.of(definition.event().withActor(actor)));
                return new Defined(definition.component().snapshot(), true);
            }
            // Another request created it meanwhile; the insert waited for it, so now it can be locked.
            existing = components.lockAll(Set.of(id)).get(id);
        }
        Component component = existing;
        component.redefine(name, group, description, position, now).ifPresent(event -> {
            components.save(component);
            outbox.append(List.of(event.withActor(actor)));
        });
        return new Defined(component.snapshot(), false);
    }

    /** Sets a component's status outside any incident, e.g. for maintenance. */
    public ComponentSnapshot changeStatus(String actor, ComponentId id, ComponentStatus status) {
        Instant now = clock.instant();
        Component component = components.lockAll(Set.of(id)).get(id);
        if (component == null) {
            throw new UnknownComponent(id);
        }
        component.changeStatus(status, null, now, now).ifPresent(event -> {
            components.save(component);
            outbox.append(List.of(event.withActor(actor)));
        });
        return component.snapshot();
    }
}
