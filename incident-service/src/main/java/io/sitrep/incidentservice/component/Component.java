package io.sitrep.incidentservice.component;

import io.sitrep.events.ComponentDefined;
import io.sitrep.events.ComponentSnapshot;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.ComponentStatusChanged;
import io.sitrep.incidentservice.ids.Ids;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A component of the service whose status Sitrep reports. New components are operational; every
 * change raises the version by one and yields an event. A change that changes nothing yields none.
 */
public final class Component {

    private final ComponentId id;
    private String name;
    private String group;
    private String description;
    private Integer position;
    private ComponentStatus status;
    private Instant updatedAt;
    private long version;

    private Component(ComponentId id, String name, String group, String description, Integer position,
                      ComponentStatus status, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.group = group;
        this.description = description;
        this.position = position;
        this.status = Objects.requireNonNull(status, "status");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.version = version;
    }

    /** A component as it was stored, for the repository. */
    public static Component restore(ComponentSnapshot snapshot) {
        return new Component(new ComponentId(snapshot.id()), snapshot.name(), snapshot.group(), snapshot.description(),
                snapshot.position(), snapshot.status(), snapshot.updatedAt(), snapshot.version());
    }

    /** Defines a new, operational component without an order. */
    public static Definition define(ComponentId id, String name, String group, String description, Instant now) {
        return define(id, name, group, description, null, now);
    }

    /**
     * Defines a new, operational component.
     *
     * @param position where it is listed within its group, lowest first; null when unordered
     */
    public static Definition define(ComponentId id, String name, String group, String description, Integer position, Instant now) {
        Instant accepted = now.truncatedTo(ChronoUnit.MICROS);
        Component component = new Component(id, name, group, description, position, ComponentStatus.OPERATIONAL, accepted, 1);
        return new Definition(component, new ComponentDefined(Ids.next(), id.value(), 1, accepted, accepted, component.snapshot()));
    }

    /** A defined component and the event that says so. */
    public record Definition(Component component, ComponentDefined event) {
    }

    /** Changes name, group, description and position; empty when they are as they were. */
    public Optional<ComponentDefined> redefine(String name, String group, String description, Integer position, Instant now) {
        if (this.name.equals(name) && Objects.equals(this.group, group) && Objects.equals(this.description, description)
                && Objects.equals(this.position, position)) {
            return Optional.empty();
        }
        this.name = Objects.requireNonNull(name, "name");
        this.group = group;
        this.description = description;
        this.position = position;
        Instant accepted = advance(now);
        return Optional.of(new ComponentDefined(Ids.next(), id.value(), version, accepted, accepted, snapshot()));
    }

    /**
     * Sets the status; empty when it is the status already.
     *
     * @param incidentId the incident that changes it, or null for a change outside any incident
     * @param occurredAt when the change happened; may be backfilled
     */
    public Optional<ComponentStatusChanged> changeStatus(ComponentStatus newStatus, UUID incidentId, Instant occurredAt, Instant now) {
        Objects.requireNonNull(newStatus, "newStatus");
        if (newStatus == status) {
            return Optional.empty();
        }
        ComponentStatus previous = status;
        status = newStatus;
        Instant accepted = advance(now);
        Instant occurred = occurredAt == null ? accepted : occurredAt.truncatedTo(ChronoUnit.MICROS);
        return Optional.of(new ComponentStatusChanged(Ids.next(), id.value(), version, occurred, accepted,
                newStatus, previous, incidentId, snapshot()));
    }

    public ComponentSnapshot snapshot() {
        return new ComponentSnapshot(id.value(), name, group, description, status, updatedAt, version, position);
    }

    public ComponentId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ComponentStatus status() {
        return status;
    }

    private Instant advance(Instant now) {
        version++;
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
        return updatedAt;
    }
}
