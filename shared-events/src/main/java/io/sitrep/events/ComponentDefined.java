package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A component was created, or its name, group, description or position changed. */
public record ComponentDefined(
        UUID eventId,
        String componentId,
        long version,
        Instant occurredAt,
        Instant publishedAt,
        ComponentSnapshot component,
        String actor) implements ComponentEvent {

    @JsonCreator
    public ComponentDefined {
        Events.requireCommon(eventId, componentId, version, occurredAt, publishedAt);
        Objects.requireNonNull(component, "component");
    }

    /** The event without a recorded actor, as events written before actors were recorded. */
    public ComponentDefined(UUID eventId, String componentId, long version, Instant occurredAt, Instant publishedAt,
            ComponentSnapshot component) {
        this(eventId, componentId, version, occurredAt, publishedAt, component, null);
    }

    @Override
    public ComponentDefined withActor(String actor) {
        return new ComponentDefined(eventId, componentId, version, occurredAt, publishedAt, component, actor);
    }

    @Override
    public EventType type() {
        return EventType.COMPONENT_DEFINED;
    }
}
