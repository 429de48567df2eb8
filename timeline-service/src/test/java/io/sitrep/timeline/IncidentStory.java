package io.sitrep.timeline;

import io.sitrep.events.AffectedComponent;
import io.sitrep.events.ComponentChange;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentDeleted;
import io.sitrep.events.IncidentEdited;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentPublished;
import io.sitrep.events.IncidentReopened;
import io.sitrep.events.IncidentResolved;
import io.sitrep.events.IncidentSnapshot;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.IncidentUpdate;
import io.sitrep.events.IncidentUpdateEdited;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.events.Postmortem;
import io.sitrep.events.PostmortemPublished;
import io.sitrep.events.Visibility;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tells one incident's story as incident-service would publish it: each step returns the next event,
 * numbered and snapshotted. Each event happens a minute after the previous one, from an hour ago
 * unless told otherwise, and is published 50 ms after it happened; times are in milliseconds, which
 * PostgreSQL keeps exactly.
 */
public final class IncidentStory {

    private final UUID id = UUID.randomUUID();
    private String title;
    private Visibility visibility = Visibility.PUBLIC;
    private String actor;
    private final Map<String, AffectedComponent> components = new LinkedHashMap<>();
    private long version;
    private IncidentStatus status;
    private Impact impact;
    private Instant createdAt;
    private Instant resolvedAt;
    private Instant next;
    private int postmortemRevision;

    private IncidentStory(String title, Instant start) {
        this.title = title;
        this.next = start;
    }

    public static IncidentStory of(String title) {
        return new IncidentStory(title, Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS));
    }

    public static IncidentStory startingAt(String title, Instant start) {
        return new IncidentStory(title, start.truncatedTo(ChronoUnit.MILLIS));
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** A component the incident gives a status, with the status it had before. */
    public static ComponentChange change(String componentId, String name, ComponentStatus status, ComponentStatus previous) {
        return new ComponentChange(componentId, name, status, previous);
    }

    /** The incident is opened internal, as an alert opens one; call before {@link #open}. */
    public IncidentStory internal() {
        visibility = Visibility.INTERNAL;
        return this;
    }

    /** The next events are done by this actor. */
    public IncidentStory by(String actor) {
        this.actor = actor;
        return this;
    }

    /** Publishes the internal incident with a title and first message for customers. */
    public IncidentPublished publish(String customerTitle, String message) {
        Instant at = advance();
        String previousTitle = title;
        title = customerTitle;
        visibility = Visibility.PUBLIC;
        IncidentUpdate update = new IncidentUpdate(UUID.randomUUID(), status, status, impact, impact, message, List.of());
        return new IncidentPublished(UUID.randomUUID(), id, ++version, at, published(at), previousTitle, update, snapshot(at), actor);
    }

    /** Renames and re-rates the incident. */
    public IncidentEdited edit(String newTitle, Impact newImpact) {
        Instant at = advance();
        String previousTitle = title;
        Impact previousImpact = impact;
        title = newTitle;
        impact = newImpact;
        return new IncidentEdited(UUID.randomUUID(), id, ++version, at, published(at), previousTitle, previousImpact, snapshot(at), actor);
    }

    /** Corrects the text of one of its updates. */
    public IncidentUpdateEdited correct(UUID updateId, String previousMessage, String message, int revision) {
        Instant at = advance();
        return new IncidentUpdateEdited(UUID.randomUUID(), id, ++version, at, published(at), updateId, message, previousMessage, revision,
                snapshot(at), actor);
    }

    /** Deletes the incident: its tombstone. */
    public IncidentDeleted delete(String reason) {
        Instant at = advance();
        return new IncidentDeleted(UUID.randomUUID(), id, ++version, at, published(at), reason, snapshot(at), actor);
    }

    /** The next event happens at this moment. */
    public IncidentStory at(Instant moment) {
        next = moment.truncatedTo(ChronoUnit.MILLIS);
        return this;
    }

    public IncidentOpened open(Impact impact, String message, ComponentChange... changes) {
        Instant at = advance();
        this.status = IncidentStatus.INVESTIGATING;
        this.impact = impact;
        this.createdAt = at;
        IncidentUpdate update = new IncidentUpdate(UUID.randomUUID(), status, null, impact, null, message, apply(changes));
        return new IncidentOpened(UUID.randomUUID(), id, ++version, at, published(at), update, snapshot(at), actor);
    }

    public IncidentUpdated update(IncidentStatus newStatus, Impact newImpact, String message, ComponentChange... changes) {
        Instant at = advance();
        IncidentUpdate update = new IncidentUpdate(UUID.randomUUID(), newStatus, status, newImpact, impact, message, apply(changes));
        status = newStatus;
        impact = newImpact;
        return new IncidentUpdated(UUID.randomUUID(), id, ++version, at, published(at), update, snapshot(at), actor);
    }

    public IncidentResolved resolve(String message, ComponentChange... changes) {
        Instant at = advance();
        IncidentUpdate update = new IncidentUpdate(UUID.randomUUID(), IncidentStatus.RESOLVED, status, impact, impact, message, apply(changes));
        status = IncidentStatus.RESOLVED;
        resolvedAt = at;
        return new IncidentResolved(UUID.randomUUID(), id, ++version, at, published(at), update, snapshot(at), actor);
    }

    public IncidentReopened reopen(String message) {
        Instant at = advance();
        IncidentUpdate update = new IncidentUpdate(UUID.randomUUID(), IncidentStatus.INVESTIGATING, status, impact, impact, message, List.of());
        status = IncidentStatus.INVESTIGATING;
        resolvedAt = null;
        return new IncidentReopened(UUID.randomUUID(), id, ++version, at, published(at), update, snapshot(at), actor);
    }

    public PostmortemPublished postmortem(String body) {
        Instant at = advance();
        return new PostmortemPublished(UUID.randomUUID(), id, ++version, at, published(at), new Postmortem(++postmortemRevision, body),
                snapshot(at), actor);
    }

    private List<ComponentChange> apply(ComponentChange... changes) {
        List<ComponentChange> list = new ArrayList<>();
        for (ComponentChange change : changes) {
            components.put(change.id(), new AffectedComponent(change.id(), change.name(), change.status()));
            list.add(change);
        }
        return list;
    }

    private IncidentSnapshot snapshot(Instant at) {
        return new IncidentSnapshot(id, title, status, impact, List.copyOf(components.values()), createdAt, at, resolvedAt, version,
                visibility);
    }

    private Instant advance() {
        Instant at = next;
        next = next.plus(Duration.ofMinutes(1));
        return at;
    }

    private static Instant published(Instant occurred) {
        return occurred.plusMillis(50);
    }
}
