package io.sitrep.timeline;

import io.sitrep.events.MaintenanceCancelled;
import io.sitrep.events.MaintenanceCompleted;
import io.sitrep.events.MaintenanceComponent;
import io.sitrep.events.MaintenanceReminder;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.events.MaintenanceSnapshot;
import io.sitrep.events.MaintenanceStarted;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.events.MaintenanceUpdate;
import io.sitrep.events.MaintenanceUpdated;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Tells one maintenance window's story as incident-service would publish it: each step returns the
 * next event, numbered and snapshotted. Each event happens a minute after the previous one, from
 * {@code start}, and is published 50 ms after it happened; times are in milliseconds.
 */
public final class MaintenanceStory {

    private final UUID id = UUID.randomUUID();
    private String title;
    private List<MaintenanceComponent> components;
    private Instant scheduledFor;
    private Instant scheduledUntil;
    private long version;
    private MaintenanceStatus status;
    private Instant createdAt;
    private Instant remindedAt;
    private Instant startedAt;
    private Instant completedAt;
    private Instant cancelledAt;
    private Instant next;

    private MaintenanceStory(String title, Instant start, Instant scheduledFor, Duration length, List<MaintenanceComponent> components) {
        this.title = title;
        this.next = start.truncatedTo(ChronoUnit.MILLIS);
        this.scheduledFor = scheduledFor.truncatedTo(ChronoUnit.MILLIS);
        this.scheduledUntil = this.scheduledFor.plus(length);
        this.components = List.copyOf(components);
    }

    /** A window told from {@code start} on, planned for {@code scheduledFor} and lasting {@code length}. */
    public static MaintenanceStory of(String title, Instant start, Instant scheduledFor, Duration length, MaintenanceComponent... components) {
        return new MaintenanceStory(title, start, scheduledFor, length, List.of(components));
    }

    public static MaintenanceComponent component(String id, String name) {
        return new MaintenanceComponent(id, name);
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Instant scheduledFor() {
        return scheduledFor;
    }

    public Instant scheduledUntil() {
        return scheduledUntil;
    }

    /** The next event happens at this moment. */
    public MaintenanceStory at(Instant moment) {
        next = moment.truncatedTo(ChronoUnit.MILLIS);
        return this;
    }

    public MaintenanceScheduled schedule(String message) {
        Instant at = advance();
        createdAt = at;
        MaintenanceUpdate update = update(MaintenanceStatus.SCHEDULED, null, message, at);
        status = MaintenanceStatus.SCHEDULED;
        return new MaintenanceScheduled(UUID.randomUUID(), id, ++version, at, published(at), update, snapshot(at));
    }

    /** An update with a message, perhaps moving the window between in progress and verifying. */
    public MaintenanceUpdated update(MaintenanceStatus newStatus, String message) {
        Instant at = advance();
        MaintenanceUpdate update = update(newStatus, status, message, at);
        status = newStatus;
        return new MaintenanceUpdated(UUID.randomUUID(), id, ++version, at, published(at), update, snapshot(at));
    }

    /** A new window, title unchanged, without a message. */
    public MaintenanceUpdated reschedule(Instant newFor, Instant newUntil) {
        Instant at = advance();
        scheduledFor = newFor.truncatedTo(ChronoUnit.MILLIS);
        scheduledUntil = newUntil.truncatedTo(ChronoUnit.MILLIS);
        return new MaintenanceUpdated(UUID.randomUUID(), id, ++version, at, published(at), null, snapshot(at));
    }

    public MaintenanceReminder remind() {
        Instant at = advance();
        remindedAt = at;
        return new MaintenanceReminder(UUID.randomUUID(), id, ++version, at, published(at), snapshot(at));
    }

    public MaintenanceStarted start(String message) {
        Instant at = advance();
        MaintenanceUpdate update = update(MaintenanceStatus.IN_PROGRESS, status, message, at);
        status = MaintenanceStatus.IN_PROGRESS;
        startedAt = at;
        return new MaintenanceStarted(UUID.randomUUID(), id, ++version, at, published(at), update, true, snapshot(at));
    }

    public MaintenanceCompleted complete(String message) {
        Instant at = advance();
        MaintenanceUpdate update = update(MaintenanceStatus.COMPLETED, status, message, at);
        status = MaintenanceStatus.COMPLETED;
        completedAt = at;
        return new MaintenanceCompleted(UUID.randomUUID(), id, ++version, at, published(at), update, false, snapshot(at));
    }

    public MaintenanceCancelled cancel(String message) {
        Instant at = advance();
        MaintenanceUpdate update = update(MaintenanceStatus.CANCELLED, status, message, at);
        status = MaintenanceStatus.CANCELLED;
        cancelledAt = at;
        return new MaintenanceCancelled(UUID.randomUUID(), id, ++version, at, published(at), update, snapshot(at));
    }

    private static MaintenanceUpdate update(MaintenanceStatus status, MaintenanceStatus previous, String message, Instant at) {
        return new MaintenanceUpdate(UUID.randomUUID(), status, previous, message, at);
    }

    private MaintenanceSnapshot snapshot(Instant at) {
        return new MaintenanceSnapshot(id, title, status, components, scheduledFor, scheduledUntil, true, true, Duration.ofHours(1),
                createdAt, at, remindedAt, startedAt, completedAt, cancelledAt, version);
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
