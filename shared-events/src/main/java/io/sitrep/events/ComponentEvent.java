package io.sitrep.events;

/** An event of one component; it carries a snapshot of the component after the change. */
public sealed interface ComponentEvent extends SitrepEvent permits ComponentDefined, ComponentStatusChanged {

    String componentId();

    /** The component as it stands after this event. */
    ComponentSnapshot component();

    @Override
    default String aggregateId() {
        return componentId();
    }
}
