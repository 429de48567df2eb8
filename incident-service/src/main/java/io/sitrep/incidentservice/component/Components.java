package io.sitrep.incidentservice.component;

import io.sitrep.events.ComponentSnapshot;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where components are kept. Changes happen inside the caller's transaction. */
public interface Components {

    /** The components with these ids that exist, locked in id order against concurrent change. */
    Map<ComponentId, Component> lockAll(Collection<ComponentId> ids);

    Optional<ComponentSnapshot> find(ComponentId id);

    /**
     * Every component, in the order a status page lists them: by group (a group at the lowest position among its
     * components, ungrouped ones first when tied), then by position (unordered ones last), then by name.
     */
    List<ComponentSnapshot> all();

    /** Stores a new component; false when one with its id exists already (created concurrently). */
    boolean addIfAbsent(Component component);

    void save(Component component);
}
