package io.sitrep.events;

/** An event of one component; it carries a snapshot of the component after the change. */
public sealed interface ComponentEvent extends SitrepEvent permits ComponentDefined, ComponentStatusChanged {

    String componentId();

    /** The component as it stands after this event. */
    ComponentSnapshot component();

    /**
     * Who did it: an API key's name, the person a trusted client acted for, or, for a change an incident or a
     * maintenance window made, that command's actor; null when not recorded.
     */
    String actor();

    /** This event as done by {@code actor}. */
    ComponentEvent withActor(String actor);

    @Override
    default String aggregateId() {
        return componentId();
    }
}
