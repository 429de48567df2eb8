package io.sitrep.incidentservice.incident;

import io.sitrep.events.AffectedComponent;
import io.sitrep.events.ComponentChange;
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
import io.sitrep.incidentservice.ids.Ids;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An incident and its state machine. An incident is open (investigating, identified, monitoring)
 * until it is resolved; a resolved incident takes no updates until it is reopened; a postmortem is
 * published only after resolution. An incident is public or internal: an internal one (say, opened by
 * an alert) is published once, while open, and from then on is public. Every accepted command raises the
 * version by one and yields the event that says what happened. Its title, impact and the text of its
 * updates may be corrected at any time; a deleted incident (opened by mistake) takes no command at all.
 */
public final class Incident {

    /** How far in the future an {@code occurredAt} may lie, for clocks that run a little fast. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** The earliest {@code occurredAt} accepted: nothing Sitrep records happened before 1970. */
    public static final Instant EARLIEST_OCCURRENCE = Instant.EPOCH;

    private final IncidentId id;
    /** The first public entry of an incident published without a message of its own. */
    public static final String DEFAULT_PUBLISHED_MESSAGE = "We are investigating this issue.";

    private String title;
    private IncidentStatus status;
    private Impact impact;
    private final Map<String, AffectedComponent> components;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant resolvedAt;
    private long version;
    private Postmortem postmortem;
    private Visibility visibility;
    private boolean deleted;

    private Incident(IncidentId id, String title, IncidentStatus status, Impact impact, List<AffectedComponent> components,
                     Instant createdAt, Instant updatedAt, Instant resolvedAt, long version, Postmortem postmortem,
                     Visibility visibility) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = Objects.requireNonNull(title, "title");
        this.status = Objects.requireNonNull(status, "status");
        this.impact = Objects.requireNonNull(impact, "impact");
        this.components = new LinkedHashMap<>();
        components.forEach(c -> this.components.put(c.id(), c));
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.resolvedAt = resolvedAt;
        this.version = version;
        this.postmortem = postmortem;
        this.visibility = Objects.requireNonNull(visibility, "visibility");
    }

    /** An incident as it was stored, for the repository. */
    public static Incident restore(IncidentSnapshot snapshot, Postmortem postmortem) {
        return restore(snapshot, postmortem, false);
    }

    /** An incident as it was stored, perhaps deleted, for the repository. */
    public static Incident restore(IncidentSnapshot snapshot, Postmortem postmortem, boolean deleted) {
        Incident incident = new Incident(new IncidentId(snapshot.id()), snapshot.title(), snapshot.status(), snapshot.impact(),
                snapshot.components(), snapshot.createdAt(), snapshot.updatedAt(), snapshot.resolvedAt(),
                snapshot.version(), postmortem, snapshot.visibility());
        incident.deleted = deleted;
        return incident;
    }

    /**
     * Opens an incident.
     *
     * @param components the components it affects, with their statuses before and after
     * @param now        when Sitrep accepts it
     */
    public static Opening open(OpenIncident command, List<ComponentStatusChange> components, Instant now) {
        Instant accepted = truncate(now);
        Instant occurredAt = occurrence(command.occurredAt(), accepted, null);
        IncidentStatus status = command.status() == null ? IncidentStatus.INVESTIGATING : command.status();
        if (!status.isOpen()) {
            throw new IllegalArgumentException("an incident cannot be opened as resolved");
        }
        Impact impact = command.impact() == null ? Impact.NONE : command.impact();
        Incident incident = new Incident(IncidentId.next(), command.title(), status, impact, List.of(),
                occurredAt, accepted, null, 1, null, command.visibility() == null ? Visibility.PUBLIC : command.visibility());
        incident.affect(components);
        IncidentUpdate update = new IncidentUpdate(Ids.next(), status, null, impact, null, command.message(), changes(components));
        IncidentOpened event = new IncidentOpened(Ids.next(), incident.id.value(), 1, occurredAt, accepted, update, incident.snapshot());
        return new Opening(incident, event);
    }

    /** An opened incident and the event that says so. */
    public record Opening(Incident incident, IncidentOpened event) {
    }

    /**
     * Adds an update; a status of resolved resolves the incident.
     *
     * @return {@link IncidentUpdated}, or {@link IncidentResolved} when the update resolves it
     */
    public io.sitrep.events.IncidentEvent update(UpdateIncident command, List<ComponentStatusChange> components, Instant now) {
        requireLive("be updated");
        if (!status.isOpen()) {
            throw new IncidentAlreadyResolved(id, "update it");
        }
        if (command.status() == IncidentStatus.RESOLVED) {
            return resolve(new ResolveIncident(command.message(), command.occurredAt()), components, now, command.impact());
        }
        Instant accepted = truncate(now);
        Instant occurredAt = occurrence(command.occurredAt(), accepted, createdAt);
        IncidentStatus previousStatus = status;
        Impact previousImpact = impact;
        if (command.status() != null) {
            status = command.status();
        }
        if (command.impact() != null) {
            impact = command.impact();
        }
        affect(components);
        advance(accepted);
        IncidentUpdate update = new IncidentUpdate(Ids.next(), status, previousStatus, impact, previousImpact, command.message(), changes(components));
        return new IncidentUpdated(Ids.next(), id.value(), version, occurredAt, accepted, update, snapshot());
    }

    /**
     * Resolves the incident.
     *
     * @param components the components whose statuses change with the resolution
     */
    public IncidentResolved resolve(ResolveIncident command, List<ComponentStatusChange> components, Instant now) {
        return resolve(command, components, now, null);
    }

    private IncidentResolved resolve(ResolveIncident command, List<ComponentStatusChange> components, Instant now, Impact newImpact) {
        requireLive("be resolved");
        if (!status.isOpen()) {
            throw new IncidentAlreadyResolved(id, "resolve it again");
        }
        Instant accepted = truncate(now);
        Instant occurredAt = occurrence(command.occurredAt(), accepted, createdAt);
        IncidentStatus previousStatus = status;
        Impact previousImpact = impact;
        status = IncidentStatus.RESOLVED;
        if (newImpact != null) {
            impact = newImpact;
        }
        resolvedAt = occurredAt;
        affect(components);
        advance(accepted);
        IncidentUpdate update = new IncidentUpdate(Ids.next(), status, previousStatus, impact, previousImpact, command.message(), changes(components));
        return new IncidentResolved(Ids.next(), id.value(), version, occurredAt, accepted, update, snapshot());
    }

    /** Reopens a resolved incident, by default as investigating. */
    public IncidentReopened reopen(ReopenIncident command, Instant now) {
        requireLive("be reopened");
        if (status.isOpen()) {
            throw new IncidentNotResolved(id, "reopen it");
        }
        IncidentStatus reopenedAs = command.status() == null ? IncidentStatus.INVESTIGATING : command.status();
        if (!reopenedAs.isOpen()) {
            throw new IllegalArgumentException("an incident cannot be reopened as resolved");
        }
        Instant accepted = truncate(now);
        Instant occurredAt = occurrence(command.occurredAt(), accepted, createdAt);
        IncidentStatus previousStatus = status;
        status = reopenedAs;
        resolvedAt = null;
        advance(accepted);
        IncidentUpdate update = new IncidentUpdate(Ids.next(), status, previousStatus, impact, impact, command.message(), List.of());
        return new IncidentReopened(Ids.next(), id.value(), version, occurredAt, accepted, update, snapshot());
    }

    /**
     * Publishes the postmortem of a resolved incident, or a new revision of it.
     *
     * @return the event, or empty when the body is the one already published
     */
    public Optional<PostmortemPublished> publishPostmortem(String body, Instant now) {
        Objects.requireNonNull(body, "body");
        requireLive("get a postmortem");
        if (status.isOpen()) {
            throw new IncidentNotResolved(id, "publish its postmortem");
        }
        if (postmortem != null && postmortem.body().equals(body)) {
            return Optional.empty();
        }
        Instant accepted = truncate(now);
        postmortem = new Postmortem(postmortem == null ? 1 : postmortem.revision() + 1, body);
        advance(accepted);
        return Optional.of(new PostmortemPublished(Ids.next(), id.value(), version, accepted, accepted, postmortem, snapshot()));
    }

    /**
     * Makes an internal incident public, perhaps with a title and first message written for customers; what
     * was said while it was internal stays internal. Only an open incident is published, and only once.
     *
     * @param components the components it affects from now on, with their statuses before and after
     */
    public IncidentPublished publish(PublishIncident command, List<ComponentStatusChange> components, Instant now) {
        requireLive("be published");
        if (visibility.isPublic()) {
            throw new IncidentAlreadyPublic(id);
        }
        if (!status.isOpen()) {
            throw new IncidentAlreadyResolved(id, "publish it");
        }
        Instant accepted = truncate(now);
        String previousTitle = title;
        Impact previousImpact = impact;
        if (command.title() != null) {
            title = command.title();
        }
        if (command.impact() != null) {
            impact = command.impact();
        }
        visibility = Visibility.PUBLIC;
        affect(components);
        advance(accepted);
        String message = command.message() == null ? DEFAULT_PUBLISHED_MESSAGE : command.message();
        IncidentUpdate update = new IncidentUpdate(Ids.next(), status, status, impact, previousImpact, message, changes(components));
        return new IncidentPublished(Ids.next(), id.value(), version, accepted, accepted, previousTitle, update, snapshot(), null);
    }

    /**
     * Renames or re-rates the incident, open or resolved: a correction, which adds no timeline entry.
     *
     * @return the event, or empty when the title and impact are the ones it has
     */
    public Optional<IncidentEdited> edit(EditIncident command, Instant now) {
        requireLive("be edited");
        String newTitle = command.title() == null ? title : command.title();
        Impact newImpact = command.impact() == null ? impact : command.impact();
        if (newTitle.equals(title) && newImpact == impact) {
            return Optional.empty();
        }
        Instant accepted = truncate(now);
        String previousTitle = title;
        Impact previousImpact = impact;
        title = newTitle;
        impact = newImpact;
        advance(accepted);
        return Optional.of(new IncidentEdited(Ids.next(), id.value(), version, accepted, accepted, previousTitle, previousImpact,
                snapshot(), null));
    }

    /**
     * Corrects the text of one of its updates, which the caller has found with its current text and revision.
     *
     * @return the event, or empty when the text is the one it has
     */
    public Optional<IncidentUpdateEdited> editUpdate(UUID updateId, String currentMessage, int currentRevision, String message,
                                                     Instant now) {
        requireLive("have an update corrected");
        if (currentMessage.equals(message)) {
            return Optional.empty();
        }
        Instant accepted = truncate(now);
        advance(accepted);
        return Optional.of(new IncidentUpdateEdited(Ids.next(), id.value(), version, accepted, accepted, updateId, message, currentMessage,
                currentRevision + 1, snapshot(), null));
    }

    /** Deletes an incident opened by mistake; from now on it takes no command. */
    public IncidentDeleted delete(String reason, Instant now) {
        requireLive("be deleted again");
        Instant accepted = truncate(now);
        deleted = true;
        advance(accepted);
        return new IncidentDeleted(Ids.next(), id.value(), version, accepted, accepted, reason, snapshot(), null);
    }

    public boolean isDeleted() {
        return deleted;
    }

    private void requireLive(String attempted) {
        if (deleted) {
            throw new IncidentAlreadyDeleted(id, attempted);
        }
    }

    /** Fails unless the incident is at {@code expected}; for If-Match. */
    public void requireVersion(long expected) {
        if (expected != version) {
            throw new StaleIncidentVersion(id, expected, version);
        }
    }

    public IncidentSnapshot snapshot() {
        return new IncidentSnapshot(id.value(), title, status, impact, List.copyOf(components.values()),
                createdAt, updatedAt, resolvedAt, version, visibility);
    }

    public Visibility visibility() {
        return visibility;
    }

    public IncidentId id() {
        return id;
    }

    public IncidentStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    public Optional<Postmortem> postmortem() {
        return Optional.ofNullable(postmortem);
    }

    /** The components this incident affects, with the status it gave each. */
    public List<AffectedComponent> components() {
        return List.copyOf(components.values());
    }

    private void affect(List<ComponentStatusChange> changes) {
        for (ComponentStatusChange change : changes) {
            components.put(change.componentId(), new AffectedComponent(change.componentId(), change.name(), change.status()));
        }
    }

    private void advance(Instant accepted) {
        version++;
        updatedAt = accepted;
    }

    private static List<ComponentChange> changes(List<ComponentStatusChange> components) {
        List<ComponentChange> changes = new ArrayList<>();
        for (ComponentStatusChange change : components) {
            if (change.changesStatus()) {
                changes.add(new ComponentChange(change.componentId(), change.name(), change.status(), change.previousStatus()));
            }
        }
        return changes;
    }

    private static Instant occurrence(Instant requested, Instant accepted, Instant notBefore) {
        if (requested == null) {
            return accepted;
        }
        // Far-off years would not survive the trip to the database (a 500), nor mean anything if they did.
        if (requested.isBefore(EARLIEST_OCCURRENCE)) {
            throw new InvalidOccurrenceTime("occurredAt " + requested + " lies before 1970-01-01T00:00:00Z.");
        }
        if (requested.isAfter(accepted.plus(CLOCK_SKEW))) {
            throw new InvalidOccurrenceTime("occurredAt " + requested + " lies in the future.");
        }
        Instant occurredAt = truncate(requested);
        if (notBefore != null && occurredAt.isBefore(notBefore)) {
            throw new InvalidOccurrenceTime("occurredAt " + occurredAt + " is before the incident began (" + notBefore + ").");
        }
        // A clock running a little fast is forgiven, but nothing is recorded as happening after Sitrep accepted it.
        return occurredAt.isAfter(accepted) ? accepted : occurredAt;
    }

    private static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
