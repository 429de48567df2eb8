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

    /** Every component, ordered by group and name. */
    List<ComponentSnapshot> all();

    /** Stores a new component; false when one with its id exists already (created concurrently). */
    boolean addIfAbsent(Component component);

    void save(Component component);
}
