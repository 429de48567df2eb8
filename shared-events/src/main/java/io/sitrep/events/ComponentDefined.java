package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A component was created, or its name, group or description changed. */
public record ComponentDefined(
        UUID eventId,
        String componentId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        ComponentSnapshot component) implements ComponentEvent {

    public ComponentDefined {
        Events.requireCommon(eventId, componentId, version, occurredAt, publishedAt);
        Objects.requireNonNull(component, "component");
    }

    @Override
    public EventType type() {
        return EventType.COMPONENT_DEFINED;
    }
}
