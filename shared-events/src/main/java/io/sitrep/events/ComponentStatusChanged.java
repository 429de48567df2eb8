package io.sitrep.events;

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
        ComponentSnapshot component) implements ComponentEvent {

    public ComponentStatusChanged {
        Events.requireCommon(eventId, componentId, version, occurredAt, publishedAt);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(previousStatus, "previousStatus");
        Objects.requireNonNull(component, "component");
    }

    @Override
    public EventType type() {
        return EventType.COMPONENT_STATUS_CHANGED;
    }
}
