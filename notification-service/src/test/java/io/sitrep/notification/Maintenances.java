package io.sitrep.notification;

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

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Maintenance events as incident-service publishes them, built through the contract's constructors: a window
 * is scheduled, and each next event follows the one before, its version one higher.
 */
public final class Maintenances {

    private Maintenances() {
    }

    /** A window on one component, two hours long, starting in a day, with a reminder an hour ahead. */
    public static MaintenanceScheduled scheduled(String component) {
        Instant from = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        return scheduled("Database upgrade", List.of(component), from, from.plus(Duration.ofHours(2)));
    }

    public static MaintenanceScheduled scheduled(String title, List<String> components, Instant from, Instant until) {
        Instant now = Instant.now();
        UUID id = UUID.randomUUID();
        MaintenanceSnapshot snapshot = new MaintenanceSnapshot(id, title, MaintenanceStatus.SCHEDULED,
                components.stream().map(c -> new MaintenanceComponent(c, "Component " + c)).toList(), from, until, true, true,
                Duration.ofHours(1), now, now, null, null, null, null, 1);
        return new MaintenanceScheduled(UUID.randomUUID(), id, 1, now, now,
                new MaintenanceUpdate(UUID.randomUUID(), MaintenanceStatus.SCHEDULED, null, "We will upgrade the database.", now), snapshot);
    }

    /** An update with a message, the window unchanged. */
    public static MaintenanceUpdated updated(MaintenanceEvent before, String message) {
        Instant now = Instant.now();
        MaintenanceSnapshot m = before.maintenance();
        return new MaintenanceUpdated(UUID.randomUUID(), m.id(), m.version() + 1, now, now,
                new MaintenanceUpdate(UUID.randomUUID(), m.status(), m.status(), message, now), next(m, m.status(), now));
    }

    /** The window moved by {@code by}, without a message. */
    public static MaintenanceUpdated rescheduled(MaintenanceEvent before, Duration by) {
        Instant now = Instant.now();
        MaintenanceSnapshot m = before.maintenance();
        MaintenanceSnapshot moved = new MaintenanceSnapshot(m.id(), m.title(), m.status(), m.components(), m.scheduledFor().plus(by),
                m.scheduledUntil().plus(by), m.autoStart(), m.autoComplete(), m.remindBefore(), m.createdAt(), now, m.remindedAt(),
                m.startedAt(), m.completedAt(), m.cancelledAt(), m.version() + 1);
        return new MaintenanceUpdated(UUID.randomUUID(), m.id(), m.version() + 1, now, now, null, moved);
    }

    /** The reminder, published {@code remindBefore} ahead of the start. */
    public static MaintenanceReminder reminder(MaintenanceEvent before) {
        MaintenanceSnapshot m = before.maintenance();
        Instant at = m.scheduledFor().minus(m.remindBefore());
        MaintenanceSnapshot reminded = new MaintenanceSnapshot(m.id(), m.title(), m.status(), m.components(), m.scheduledFor(),
                m.scheduledUntil(), m.autoStart(), m.autoComplete(), m.remindBefore(), m.createdAt(), at, at, m.startedAt(),
                m.completedAt(), m.cancelledAt(), m.version() + 1);
        return new MaintenanceReminder(UUID.randomUUID(), m.id(), m.version() + 1, at, at, reminded);
    }

    public static MaintenanceStarted started(MaintenanceEvent before) {
        MaintenanceSnapshot m = before.maintenance();
        Instant at = m.scheduledFor();
        return new MaintenanceStarted(UUID.randomUUID(), m.id(), m.version() + 1, at, at,
                new MaintenanceUpdate(UUID.randomUUID(), MaintenanceStatus.IN_PROGRESS, m.status(), "The scheduled maintenance has started.", at),
                true, next(m, MaintenanceStatus.IN_PROGRESS, at));
    }

    public static MaintenanceCompleted completed(MaintenanceEvent before) {
        MaintenanceSnapshot m = before.maintenance();
        Instant at = m.scheduledUntil();
        return new MaintenanceCompleted(UUID.randomUUID(), m.id(), m.version() + 1, at, at,
                new MaintenanceUpdate(UUID.randomUUID(), MaintenanceStatus.COMPLETED, m.status(), "The scheduled maintenance is complete.", at),
                true, next(m, MaintenanceStatus.COMPLETED, at));
    }

    public static MaintenanceCancelled cancelled(MaintenanceEvent before) {
        Instant now = Instant.now();
        MaintenanceSnapshot m = before.maintenance();
        return new MaintenanceCancelled(UUID.randomUUID(), m.id(), m.version() + 1, now, now,
                new MaintenanceUpdate(UUID.randomUUID(), MaintenanceStatus.CANCELLED, m.status(), "We have cancelled this maintenance.", now),
                next(m, MaintenanceStatus.CANCELLED, now));
    }

    private static MaintenanceSnapshot next(MaintenanceSnapshot m, MaintenanceStatus status, Instant at) {
        return new MaintenanceSnapshot(m.id(), m.title(), status, m.components(), m.scheduledFor(), m.scheduledUntil(), m.autoStart(),
                m.autoComplete(), m.remindBefore(), m.createdAt(), at, m.remindedAt(),
                status == MaintenanceStatus.IN_PROGRESS ? at : m.startedAt(), status == MaintenanceStatus.COMPLETED ? at : m.completedAt(),
                status == MaintenanceStatus.CANCELLED ? at : m.cancelledAt(), m.version() + 1);
    }
}
