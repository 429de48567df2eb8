package io.sitrep.notification.subscription;

import io.sitrep.events.EventType;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentLifecycleEvent;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.SitrepEvent;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Which incident and maintenance events a subscription wants: by the components they touch (empty = all), by
 * type (empty = all), and by the incident's impact after the event (null = any). Maintenance has no impact: a
 * minimum impact above {@code none} asks for incidents that hurt, so it lets maintenance through only when the
 * subscription names that maintenance event type.
 *
 * <p>Internal incidents reach only a subscription with {@code includeInternal} (a responders' channel). For every
 * other subscription an incident begins when it is published: {@code incident.published} is notified to those
 * that asked for {@code incident.opened}, as if it had just opened.
 *
 * <p>Corrections ({@link #CORRECTION_TYPES}) are notified only to subscriptions that name them.
 *
 * @param includeInternal whether internal incidents (alerts nobody has published yet) are notified too
 */
public record SubscriptionFilter(Set<String> components, Set<EventType> eventTypes, Impact minImpact, boolean includeInternal) {

    /** The incident event types. */
    public static final Set<EventType> INCIDENT_TYPES = Set.copyOf(EnumSet.of(EventType.INCIDENT_OPENED, EventType.INCIDENT_UPDATED,
            EventType.INCIDENT_RESOLVED, EventType.INCIDENT_REOPENED, EventType.POSTMORTEM_PUBLISHED, EventType.INCIDENT_PUBLISHED,
            EventType.INCIDENT_EDITED, EventType.INCIDENT_UPDATE_EDITED, EventType.INCIDENT_DELETED));

    /**
     * The corrections: a subscriber does not want a mail for a typo fix, so they notify only subscriptions that name
     * them in {@link #eventTypes()} (webhooks only).
     */
    public static final Set<EventType> CORRECTION_TYPES = Set.copyOf(EnumSet.of(EventType.INCIDENT_EDITED,
            EventType.INCIDENT_UPDATE_EDITED, EventType.INCIDENT_DELETED));

    /** The maintenance event types. */
    public static final Set<EventType> MAINTENANCE_TYPES = Set.copyOf(EnumSet.of(EventType.MAINTENANCE_SCHEDULED,
            EventType.MAINTENANCE_UPDATED, EventType.MAINTENANCE_REMINDER, EventType.MAINTENANCE_STARTED,
            EventType.MAINTENANCE_COMPLETED, EventType.MAINTENANCE_CANCELLED));

    /** The event types a subscription may name: those that notify, the incident and the maintenance events. */
    public static final Set<EventType> SUBSCRIBABLE_TYPES;

    static {
        Set<EventType> subscribable = EnumSet.copyOf(INCIDENT_TYPES);
        subscribable.addAll(MAINTENANCE_TYPES);
        SUBSCRIBABLE_TYPES = Set.copyOf(subscribable);
    }

    public SubscriptionFilter {
        components = components == null ? Set.of() : Set.copyOf(components);
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
        if (!SUBSCRIBABLE_TYPES.containsAll(eventTypes)) {
            throw new IllegalArgumentException("only incident and maintenance event types can be subscribed to");
        }
    }

    /** A filter of public incidents and maintenance. */
    public SubscriptionFilter(Set<String> components, Set<EventType> eventTypes, Impact minImpact) {
        this(components, eventTypes, minImpact, false);
    }

    /** Everything public. */
    public static SubscriptionFilter all() {
        return new SubscriptionFilter(Set.of(), Set.of(), null);
    }

    /** True for the events that notify subscribers: incident and maintenance events. */
    public static boolean notifies(SitrepEvent event) {
        return event instanceof IncidentEvent || event instanceof MaintenanceEvent;
    }

    /** True when the event notifies and passes every part of the filter; false for any other event. */
    public boolean matches(SitrepEvent event) {
        if (event instanceof IncidentEvent incident) {
            return matches(incident);
        }
        if (event instanceof MaintenanceEvent maintenance) {
            return matches(maintenance);
        }
        return false;
    }

    /**
     * True when the event passes every part of the filter. An event touches the components its
     * incident affects and those its update changed; the impact is the incident's after the event.
     */
    public boolean matches(IncidentEvent event) {
        if (!event.incident().isPublic() && !includeInternal) {
            return false;
        }
        if (CORRECTION_TYPES.contains(event.type()) && !eventTypes.contains(event.type())) {
            return false;
        }
        if (!eventTypes.isEmpty() && !eventTypes.contains(event.type()) && !opensForThePublic(event)) {
            return false;
        }
        if (minImpact != null && !event.incident().impact().isAtLeast(minImpact)) {
            return false;
        }
        Set<String> touched = new HashSet<>();
        event.incident().components().forEach(c -> touched.add(c.id()));
        if (event instanceof IncidentLifecycleEvent lifecycle) {
            lifecycle.update().componentChanges().forEach(c -> touched.add(c.id()));
        }
        return touchesOneOf(touched);
    }

    /**
     * True when the event passes every part of the filter. A maintenance event touches the components of the
     * window as it stands after the event. A minimum impact above {@code none} passes it only when
     * {@link #eventTypes()} names its type: maintenance is planned and has no impact, and a subscriber who asked
     * for major incidents only is not told of it unless they asked for it by name.
     */
    public boolean matches(MaintenanceEvent event) {
        boolean named = eventTypes.contains(event.type());
        if (!eventTypes.isEmpty() && !named) {
            return false;
        }
        if (minImpact != null && minImpact != Impact.NONE && !named) {
            return false;
        }
        Set<String> touched = new HashSet<>();
        event.maintenance().components().forEach(c -> touched.add(c.id()));
        return touchesOneOf(touched);
    }

    /** A publish is the opening an incident has for a subscriber that never saw it internal. */
    private boolean opensForThePublic(IncidentEvent event) {
        return event.type() == EventType.INCIDENT_PUBLISHED && !includeInternal && eventTypes.contains(EventType.INCIDENT_OPENED);
    }

    private boolean touchesOneOf(Set<String> touched) {
        return components.isEmpty() || touched.stream().anyMatch(components::contains);
    }
}
