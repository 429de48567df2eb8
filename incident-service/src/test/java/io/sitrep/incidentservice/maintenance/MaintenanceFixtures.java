package io.sitrep.incidentservice.maintenance;

import io.sitrep.events.MaintenanceComponent;
import io.sitrep.events.MaintenanceStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Maintenance windows in a known state, built only through the aggregate's own commands. A window is
 * scheduled at {@link #SCHEDULED_AT} for {@link #STARTS}–{@link #ENDS}, with a reminder an hour ahead.
 */
final class MaintenanceFixtures {

    static final Instant SCHEDULED_AT = Instant.parse("2025-11-03T10:15:22.481907Z");
    static final Instant STARTS = Instant.parse("2025-11-09T03:00:00Z");
    static final Instant ENDS = Instant.parse("2025-11-09T05:00:00Z");
    static final Duration ONE_HOUR = Duration.ofHours(1);
    static final WindowRules RULES = new WindowRules(Duration.ofDays(14), WindowRules.DEFAULT_PAST_TOLERANCE);
    static final List<MaintenanceComponent> COMPONENTS = List.of(
            new MaintenanceComponent("api", "Public API"), new MaintenanceComponent("dashboard", "Dashboard"));

    private MaintenanceFixtures() {
    }

    static ScheduleMaintenance aSchedule(boolean autoStart, boolean autoComplete, Duration remindBefore) {
        return new ScheduleMaintenance("Database upgrade in eu-west", "We will upgrade the primary database.", STARTS, ENDS,
                autoStart, autoComplete, remindBefore);
    }

    static Maintenance aScheduledWindow() {
        return aScheduledWindow(true, true, ONE_HOUR);
    }

    static Maintenance aScheduledWindow(boolean autoStart, boolean autoComplete, Duration remindBefore) {
        return Maintenance.schedule(aSchedule(autoStart, autoComplete, remindBefore), COMPONENTS, RULES, SCHEDULED_AT).maintenance();
    }

    static Maintenance aWindowInProgress() {
        Maintenance maintenance = aScheduledWindow();
        maintenance.start("Starting early.", STARTS.minusSeconds(60));
        return maintenance;
    }

    static Maintenance aVerifyingWindow() {
        Maintenance maintenance = aWindowInProgress();
        maintenance.post("Checking the replicas.", MaintenanceStatus.VERIFYING, STARTS.plusSeconds(600));
        return maintenance;
    }

    static Maintenance aCompletedWindow() {
        Maintenance maintenance = aWindowInProgress();
        maintenance.complete("Done.", STARTS.plusSeconds(1200));
        return maintenance;
    }

    static Maintenance aCancelledWindow() {
        Maintenance maintenance = aScheduledWindow();
        maintenance.cancel("Not needed.", SCHEDULED_AT.plusSeconds(60));
        return maintenance;
    }

    static Maintenance inStatus(MaintenanceStatus status) {
        return switch (status) {
            case SCHEDULED -> aScheduledWindow();
            case IN_PROGRESS -> aWindowInProgress();
            case VERIFYING -> aVerifyingWindow();
            case COMPLETED -> aCompletedWindow();
            case CANCELLED -> aCancelledWindow();
        };
    }

    static ChangeMaintenance aReschedule(Instant scheduledFor, Instant scheduledUntil) {
        return new ChangeMaintenance(null, scheduledFor, scheduledUntil, null, null, null, null);
    }
}
