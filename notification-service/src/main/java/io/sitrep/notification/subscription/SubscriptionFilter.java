package io.sitrep.notification.subscription;

import io.sitrep.events.EventType;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentLifecycleEvent;

import java.util.HashSet;
import java.util.Set;

/**
 * Which incident events a subscription wants: by the components they touch (empty = all), by type
 * (empty = all), and by the incident's impact after the event (null = any).
 */
public record SubscriptionFilter(Set<String> components, Set<EventType> eventTypes, Impact minImpact) {

    /** The event types a subscription may name: the incident events. */
    public static final Set<EventType> INCIDENT_TYPES = Set.of(EventType.INCIDENT_OPENED, EventType.INCIDENT_UPDATED,
            EventType.INCIDENT_RESOLVED, EventType.INCIDENT_REOPENED, EventType.POSTMORTEM_PUBLISHED);

    public SubscriptionFilter {
        components = components == null ? Set.of() : Set.copyOf(components);
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
        if (!INCIDENT_TYPES.containsAll(eventTypes)) {
            throw new IllegalArgumentException("only incident event types can be subscribed to");
        }
    }

    /** Everything. */
    public static SubscriptionFilter all() {
        return new SubscriptionFilter(Set.of(), Set.of(), null);
    }

    /**
     * True when the event passes every part of the filter. An event touches the components its
     * incident affects and those its update changed; the impact is the incident's after the event.
     */
    public boolean matches(IncidentEvent event) {
        if (!eventTypes.isEmpty() && !eventTypes.contains(event.type())) {
            return false;
        }
        if (minImpact != null && !event.incident().impact().isAtLeast(minImpact)) {
            return false;
        }
        if (components.isEmpty()) {
            return true;
        }
        Set<String> touched = new HashSet<>();
        event.incident().components().forEach(c -> touched.add(c.id()));
        if (event instanceof IncidentLifecycleEvent lifecycle) {
            lifecycle.update().componentChanges().forEach(c -> touched.add(c.id()));
        }
        return touched.stream().anyMatch(components::contains);
    }
}
