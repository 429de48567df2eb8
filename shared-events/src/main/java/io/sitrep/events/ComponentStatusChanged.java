package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A component's status changed, either through an incident ({@code incidentId} set) or directly
 * ({@code incidentId} null).
 */
public record ComponentStatusChanged(
        UUID eventId,
        String componentId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        ComponentStatus status,
        ComponentStatus previousStatus,
        UUID incidentId,
        ComponentSnapshot component,
        String actor) implements ComponentEvent {

    @JsonCreator
    public ComponentStatusChanged {
        Events.requireCommon(eventId, componentId, version, occurredAt, publishedAt);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(previousStatus, "previousStatus");
        Objects.requireNonNull(component, "component");
    }

    /** The event without a recorded actor, as events written before actors were recorded. */
    public ComponentStatusChanged(UUID eventId, String componentId, long version, Instant occurredAt, Instant publishedAt,
            ComponentStatus status, ComponentStatus previousStatus, UUID incidentId, ComponentSnapshot component) {
        this(eventId, componentId, version, occurredAt, publishedAt, status, previousStatus, incidentId, component, null);
    }

    @Override
    public ComponentStatusChanged withActor(String actor) {
        return new ComponentStatusChanged(eventId, componentId, version, occurredAt, publishedAt, status, previousStatus, incidentId, component, actor);
    }

    @Override
    public EventType type() {
        return EventType.COMPONENT_STATUS_CHANGED;
    }
}
