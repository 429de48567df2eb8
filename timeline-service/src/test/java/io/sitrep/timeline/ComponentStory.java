package io.sitrep.timeline;

import io.sitrep.events.ComponentDefined;
import io.sitrep.events.ComponentSnapshot;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.ComponentStatusChanged;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Tells one component's story as incident-service would publish it: definition, then status changes. */
public final class ComponentStory {

    private final String id;
    private String name;
    private String group;
    private Integer position;
    private ComponentStatus status = ComponentStatus.OPERATIONAL;
    private long version;

    private ComponentStory(String id) {
        this.id = id;
    }

    /** A component whose id starts with {@code prefix} and is unique to this test. */
    public static ComponentStory fresh(String prefix) {
        return new ComponentStory(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ComponentDefined define(String name, String group, Instant time) {
        return define(name, group, null, time);
    }

    /** Defines the component with a position within its group; null for an unordered one. */
    public ComponentDefined define(String name, String group, Integer position, Instant time) {
        Instant at = time.truncatedTo(ChronoUnit.MILLIS);
        this.name = name;
        this.group = group;
        this.position = position;
        version++;
        return new ComponentDefined(UUID.randomUUID(), id, version, at, at.plusMillis(50), snapshot(at));
    }

    public ComponentStatusChanged status(ComponentStatus newStatus, UUID incidentId, Instant time) {
        Instant at = time.truncatedTo(ChronoUnit.MILLIS);
        ComponentStatus previous = status;
        status = newStatus;
        version++;
        return new ComponentStatusChanged(UUID.randomUUID(), id, version, at, at.plusMillis(50), newStatus, previous, incidentId,
                snapshot(at));
    }

    private ComponentSnapshot snapshot(Instant at) {
        return new ComponentSnapshot(id, name, group, null, status, at, version, position);
    }
}
