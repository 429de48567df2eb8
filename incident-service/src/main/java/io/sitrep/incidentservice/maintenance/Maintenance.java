package io.sitrep.incidentservice.maintenance;

import io.sitrep.events.MaintenanceCancelled;
import io.sitrep.events.MaintenanceCompleted;
import io.sitrep.events.MaintenanceComponent;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.MaintenanceReminder;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.events.MaintenanceSnapshot;
import io.sitrep.events.MaintenanceStarted;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.events.MaintenanceUpdate;
import io.sitrep.events.MaintenanceUpdated;
import io.sitrep.incidentservice.ids.Ids;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A maintenance window and its state machine: {@code scheduled → in_progress ⇄ verifying → completed}, or
 * {@code scheduled → cancelled}. While scheduled, its window, title and components may change. A window
 * with {@code autoStart} starts by itself at {@code scheduledFor}, one with {@code autoComplete} completes
 * by itself at {@code scheduledUntil}, and one with {@code remindBefore} publishes a reminder that long
 * before its start; {@link #nextDueAt()} says when the next of these falls due and {@link #catchUp} applies
 * whatever is due, with the time it really happened. Every accepted command raises the version by one and
 * yields the event that says what happened.
 */
public final class Maintenance {

    static final String STARTED_BY_ITSELF = "The scheduled maintenance has started.";
    static final String COMPLETED_BY_ITSELF = "The scheduled maintenance has completed.";
    static final String STARTED = "The maintenance has started.";
    static final String COMPLETED = "The maintenance has completed.";
    static final String CANCELLED = "The maintenance has been cancelled.";

    private final MaintenanceId id;
    private String title;
    private MaintenanceStatus status;
    private List<MaintenanceComponent> components;
    private Instant scheduledFor;
    private Instant scheduledUntil;
    private boolean autoStart;
    private boolean autoComplete;
    private Duration remindBefore;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant remindedAt;
    private Instant startedAt;
    private Instant completedAt;
    private Instant cancelledAt;
    private long version;

    private Maintenance(MaintenanceSnapshot s) {
        this.id = new MaintenanceId(s.id());
        this.title = s.title();
        this.status = s.status();
        this.components = List.copyOf(s.components());
        this.scheduledFor = s.scheduledFor();
        this.scheduledUntil = s.scheduledUntil();
        this.autoStart = s.autoStart();
        this.autoComplete = s.autoComplete();
        this.remindBefore = s.remindBefore();
        this.createdAt = s.createdAt();
        this.updatedAt = s.updatedAt();
        this.remindedAt = s.remindedAt();
        this.startedAt = s.startedAt();
        this.completedAt = s.completedAt();
        this.cancelledAt = s.cancelledAt();
        this.version = s.version();
    }

    /** A window as it was stored, for the repository. */
    public static Maintenance restore(MaintenanceSnapshot snapshot) {
        return new Maintenance(snapshot);
    }

    /**
     * Schedules a window.
     *
     * @param components the components it covers, with their names
     * @param now        when Sitrep accepts it
     */
    public static Scheduling schedule(ScheduleMaintenance command, List<MaintenanceComponent> components, WindowRules rules, Instant now) {
        Instant accepted = truncate(now);
        Instant scheduledFor = truncate(command.scheduledFor());
        Instant scheduledUntil = truncate(command.scheduledUntil());
        rules.check(scheduledFor, scheduledUntil, command.remindBefore(), accepted);
        MaintenanceId id = MaintenanceId.next();
        Maintenance maintenance = new Maintenance(new MaintenanceSnapshot(id.value(), command.title(), MaintenanceStatus.SCHEDULED,
                components, scheduledFor, scheduledUntil, command.autoStart(), command.autoComplete(), command.remindBefore(),
                accepted, accepted, null, null, null, null, 1));
        MaintenanceUpdate update = new MaintenanceUpdate(Ids.next(), MaintenanceStatus.SCHEDULED, null, command.message(), accepted);
        return new Scheduling(maintenance, new MaintenanceScheduled(Ids.next(), id.value(), 1, accepted, accepted, update, maintenance.snapshot()));
    }

    /** A scheduled window and the event that says so. */
    public record Scheduling(Maintenance maintenance, MaintenanceScheduled event) {
    }

    /**
     * Reschedules, renames or changes the components of a scheduled window.
     *
     * @param newComponents the components it covers from now on; null keeps them
     * @return the event, or empty when nothing changes and no message was given
     */
    public Optional<MaintenanceUpdated> change(ChangeMaintenance command, List<MaintenanceComponent> newComponents, WindowRules rules, Instant now) {
        requireNotFinished("change it");
        if (status != MaintenanceStatus.SCHEDULED) {
            throw new MaintenanceRuleViolated(MaintenanceRuleViolated.NOT_SCHEDULED,
                    "Maintenance " + id + " is " + status.wireName() + ": only a scheduled window may be rescheduled, renamed or given other components.");
        }
        Instant accepted = truncate(now);
        Instant newFor = command.scheduledFor() == null ? scheduledFor : truncate(command.scheduledFor());
        Instant newUntil = command.scheduledUntil() == null ? scheduledUntil : truncate(command.scheduledUntil());
        Duration newRemind = command.remindBefore() == null ? remindBefore : command.remindBefore().isZero() ? null : command.remindBefore();
        boolean windowChanged = !newFor.equals(scheduledFor) || !newUntil.equals(scheduledUntil);
        if (windowChanged) {
            rules.check(newFor, newUntil, newRemind, accepted);
        } else if (!Objects.equals(newRemind, remindBefore)) {
            rules.check(newFor, newUntil, newRemind, newFor);
        }
        String newTitle = command.title() == null ? title : command.title();
        List<MaintenanceComponent> components = newComponents == null ? this.components : List.copyOf(newComponents);
        boolean newAutoStart = command.autoStart() == null ? autoStart : command.autoStart();
        boolean newAutoComplete = command.autoComplete() == null ? autoComplete : command.autoComplete();
        boolean changes = windowChanged || !newTitle.equals(title) || !components.equals(this.components)
                || newAutoStart != autoStart || newAutoComplete != autoComplete || !Objects.equals(newRemind, remindBefore);
        if (!changes && command.message() == null) {
            return Optional.empty();
        }
        if (!newFor.equals(scheduledFor) || !Objects.equals(newRemind, remindBefore)) {
            // A new start or lead is a new reminder: the one sent for the old start no longer holds.
            remindedAt = null;
        }
        title = newTitle;
        this.components = components;
        scheduledFor = newFor;
        scheduledUntil = newUntil;
        autoStart = newAutoStart;
        autoComplete = newAutoComplete;
        remindBefore = newRemind;
        advance(accepted);
        MaintenanceUpdate update = command.message() == null ? null
                : new MaintenanceUpdate(Ids.next(), status, status, command.message(), accepted);
        return Optional.of(new MaintenanceUpdated(Ids.next(), id.value(), version, accepted, accepted, update, snapshot()));
    }

    /**
     * Posts an update. A status moves a started window between in_progress and verifying; completed
     * completes it; the others have their own commands.
     */
    public MaintenanceEvent post(String message, MaintenanceStatus newStatus, Instant now) {
        Objects.requireNonNull(message, "message");
        requireNotFinished("post an update");
        if (newStatus == MaintenanceStatus.COMPLETED) {
            return complete(message, now);
        }
        if (newStatus != null && newStatus != status) {
            if (newStatus == MaintenanceStatus.SCHEDULED || newStatus == MaintenanceStatus.CANCELLED
                    || (newStatus == MaintenanceStatus.IN_PROGRESS && status == MaintenanceStatus.SCHEDULED)) {
                throw new MaintenanceRuleViolated(MaintenanceRuleViolated.STATUS_NEEDS_COMMAND,
                        "An update cannot move maintenance " + id + " from " + status.wireName() + " to " + newStatus.wireName()
                                + "; use POST /api/v1/maintenances/" + id + "/" + (newStatus == MaintenanceStatus.CANCELLED ? "cancel" : "start") + ".");
            }
            if (status == MaintenanceStatus.SCHEDULED) {
                throw new MaintenanceRuleViolated(MaintenanceRuleViolated.NOT_STARTED,
                        "Maintenance " + id + " has not started; it cannot be " + newStatus.wireName() + ".");
            }
        }
        Instant accepted = truncate(now);
        MaintenanceStatus previous = status;
        if (newStatus != null) {
            status = newStatus;
        }
        advance(accepted);
        MaintenanceUpdate update = new MaintenanceUpdate(Ids.next(), status, previous, message, accepted);
        return new MaintenanceUpdated(Ids.next(), id.value(), version, accepted, accepted, update, snapshot());
    }

    /** Starts a scheduled window by hand. */
    public MaintenanceStarted start(String message, Instant now) {
        return start(message == null ? STARTED : message, now, false);
    }

    /** Completes a started window by hand, perhaps early. */
    public MaintenanceCompleted complete(String message, Instant now) {
        return complete(message == null ? COMPLETED : message, now, false);
    }

    /** Cancels a window that has not started. */
    public MaintenanceCancelled cancel(String message, Instant now) {
        requireNotFinished("cancel it");
        if (status != MaintenanceStatus.SCHEDULED) {
            throw new MaintenanceRuleViolated(MaintenanceRuleViolated.ALREADY_STARTED,
                    "Maintenance " + id + " is " + status.wireName() + ": a started window is completed, not cancelled.");
        }
        Instant accepted = truncate(now);
        status = MaintenanceStatus.CANCELLED;
        cancelledAt = accepted;
        advance(accepted);
        MaintenanceUpdate update = new MaintenanceUpdate(Ids.next(), status, MaintenanceStatus.SCHEDULED, message == null ? CANCELLED : message, accepted);
        return new MaintenanceCancelled(Ids.next(), id.value(), version, accepted, accepted, update, snapshot());
    }

    /**
     * When the next automatic step falls due: the reminder, the start or the completion; empty when
     * nothing will happen by itself.
     */
    public Optional<Instant> nextDueAt() {
        if (status == MaintenanceStatus.SCHEDULED) {
            if (remindBefore != null && remindedAt == null) {
                return Optional.of(scheduledFor.minus(remindBefore));
            }
            return autoStart ? Optional.of(scheduledFor) : Optional.empty();
        }
        if (status.isActive() && autoComplete) {
            return Optional.of(scheduledUntil);
        }
        return Optional.empty();
    }

    /**
     * Applies every automatic step due at {@code now}, in order, each recorded as happening at {@code now}
     * (when it really happened, which after an outage is later than planned); the snapshot keeps the plan.
     *
     * @return the events, empty when nothing is due
     */
    public List<MaintenanceEvent> catchUp(Instant now) {
        Instant accepted = truncate(now);
        List<MaintenanceEvent> events = new ArrayList<>();
        while (nextDueAt().filter(due -> !due.isAfter(accepted)).isPresent()) {
            // A start that is due supersedes a reminder that was not sent in time (the service was down).
            if (status == MaintenanceStatus.SCHEDULED && autoStart && !scheduledFor.isAfter(accepted)) {
                events.add(start(STARTED_BY_ITSELF, accepted, true));
            } else if (status == MaintenanceStatus.SCHEDULED) {
                events.add(remind(accepted));
            } else {
                events.add(complete(COMPLETED_BY_ITSELF, accepted, true));
            }
        }
        return events;
    }

    private MaintenanceReminder remind(Instant accepted) {
        remindedAt = accepted;
        advance(accepted);
        return new MaintenanceReminder(Ids.next(), id.value(), version, accepted, accepted, snapshot());
    }

    private MaintenanceStarted start(String message, Instant now, boolean automatic) {
        requireNotFinished("start it");
        if (status != MaintenanceStatus.SCHEDULED) {
            throw new MaintenanceRuleViolated(MaintenanceRuleViolated.ALREADY_STARTED,
                    "Maintenance " + id + " is " + status.wireName() + " already.");
        }
        Instant accepted = truncate(now);
        status = MaintenanceStatus.IN_PROGRESS;
        startedAt = accepted;
        advance(accepted);
        MaintenanceUpdate update = new MaintenanceUpdate(Ids.next(), status, MaintenanceStatus.SCHEDULED, message, accepted);
        return new MaintenanceStarted(Ids.next(), id.value(), version, accepted, accepted, update, automatic, snapshot());
    }

    private MaintenanceCompleted complete(String message, Instant now, boolean automatic) {
        requireNotFinished("complete it");
        if (status == MaintenanceStatus.SCHEDULED) {
            throw new MaintenanceRuleViolated(MaintenanceRuleViolated.NOT_STARTED,
                    "Maintenance " + id + " has not started; start it first, or cancel it.");
        }
        Instant accepted = truncate(now);
        MaintenanceStatus previous = status;
        status = MaintenanceStatus.COMPLETED;
        completedAt = accepted;
        advance(accepted);
        MaintenanceUpdate update = new MaintenanceUpdate(Ids.next(), status, previous, message, accepted);
        return new MaintenanceCompleted(Ids.next(), id.value(), version, accepted, accepted, update, automatic, snapshot());
    }

    /** Fails unless the window is at {@code expected}; for If-Match. */
    public void requireVersion(long expected) {
        if (expected != version) {
            throw new StaleMaintenanceVersion(id, expected, version);
        }
    }

    public MaintenanceSnapshot snapshot() {
        return new MaintenanceSnapshot(id.value(), title, status, components, scheduledFor, scheduledUntil, autoStart, autoComplete,
                remindBefore, createdAt, updatedAt, remindedAt, startedAt, completedAt, cancelledAt, version);
    }

    public MaintenanceId id() {
        return id;
    }

    public MaintenanceStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    /** The components the window covers. */
    public List<MaintenanceComponent> components() {
        return components;
    }

    private void requireNotFinished(String what) {
        if (status.isFinished()) {
            throw new MaintenanceRuleViolated(MaintenanceRuleViolated.FINISHED,
                    "Maintenance " + id + " is " + status.wireName() + "; it is not possible to " + what + ".");
        }
    }

    private void advance(Instant accepted) {
        version++;
        updatedAt = accepted;
    }

    private static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
