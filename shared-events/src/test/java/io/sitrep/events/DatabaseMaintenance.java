package io.sitrep.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The events of one planned database maintenance window, built by constructors: the records the
 * {@code maintenance.*} golden samples under {@code io/sitrep/events/samples/} must be the JSON of.
 *
 * <p>Timeline (UTC, November 2025): v1 scheduled on 3 November for 9 November 02:00–04:00 with a reminder
 * one hour ahead, v2 moved one hour later on 4 November, v3 reminder at 02:00, v4 started by itself at
 * 03:00, v5 verifying at 04:12 (not sampled), v6 completed by hand at 04:31, half an hour early. A second
 * window for the read replicas was scheduled (v1, not sampled) and cancelled (v2) because the first one
 * covered them.
 */
public final class DatabaseMaintenance {

    public static final UUID MAINTENANCE_ID = UUID.fromString("4b1f7e93-2c6d-4a58-9e0b-d3a7c5f18e26");
    public static final String TITLE = "Database upgrade in eu-west";
    public static final UUID REPLICAS_ID = UUID.fromString("c2e8a4d1-7b3f-4e69-a05c-9f1d6b2e7a84");

    private static final Instant CREATED_AT = Instant.parse("2025-11-03T10:15:22.481907Z");
    private static final Instant RESCHEDULED_AT = Instant.parse("2025-11-04T16:40:09.327114Z");
    private static final Instant REMINDED_AT = Instant.parse("2025-11-09T02:00:00.512368Z");
    private static final Instant STARTED_AT = Instant.parse("2025-11-09T03:00:00.734215Z");
    private static final Instant COMPLETED_AT = Instant.parse("2025-11-09T04:31:18.205639Z");
    private static final Instant PLANNED_FOR = Instant.parse("2025-11-09T02:00:00Z");
    private static final Instant PLANNED_UNTIL = Instant.parse("2025-11-09T04:00:00Z");
    private static final Instant SCHEDULED_FOR = Instant.parse("2025-11-09T03:00:00Z");
    private static final Instant SCHEDULED_UNTIL = Instant.parse("2025-11-09T05:00:00Z");
    private static final Duration ONE_HOUR = Duration.ofHours(1);

    private static final List<MaintenanceComponent> COMPONENTS = List.of(
            new MaintenanceComponent("api", "Public API"),
            new MaintenanceComponent("dashboard", "Dashboard"));

    private DatabaseMaintenance() {
    }

    public static MaintenanceScheduled maintenanceScheduled() {
        return new MaintenanceScheduled(
                UUID.fromString("8f2a6c14-d3e9-4b70-a5c8-1e9d7b3f6a02"),
                MAINTENANCE_ID,
                1,
                CREATED_AT,
                Instant.parse("2025-11-03T10:15:22.566130Z"),
                new MaintenanceUpdate(
                        UUID.fromString("1d6e9b38-4a7c-4f25-8b03-e7c2a5d9f164"),
                        MaintenanceStatus.SCHEDULED,
                        null,
                        "We will upgrade the primary database cluster in eu-west to a new major version. During the"
                                + " window the Public API may answer writes with HTTP 503 for up to five minutes while"
                                + " the database fails over, and the Dashboard may be read-only. Reads are not affected.",
                        CREATED_AT),
                new MaintenanceSnapshot(MAINTENANCE_ID, TITLE, MaintenanceStatus.SCHEDULED, COMPONENTS,
                        PLANNED_FOR, PLANNED_UNTIL, true, true, ONE_HOUR,
                        CREATED_AT, CREATED_AT, null, null, null, null, 1)).withActor("Dana Whitfield");
    }

    public static MaintenanceUpdated maintenanceUpdated() {
        return new MaintenanceUpdated(
                UUID.fromString("b7c3e1f9-6a2d-4d84-9f5e-0c8a4b2d7e31"),
                MAINTENANCE_ID,
                2,
                RESCHEDULED_AT,
                Instant.parse("2025-11-04T16:40:09.401876Z"),
                new MaintenanceUpdate(
                        UUID.fromString("e4a9d2c7-5b1f-4e36-b8d0-7f3c6a1e9b58"),
                        MaintenanceStatus.SCHEDULED,
                        MaintenanceStatus.SCHEDULED,
                        "We have moved the window one hour later, to 03:00–05:00 UTC, so that it does not overlap"
                                + " the nightly billing run.",
                        RESCHEDULED_AT),
                new MaintenanceSnapshot(MAINTENANCE_ID, TITLE, MaintenanceStatus.SCHEDULED, COMPONENTS,
                        SCHEDULED_FOR, SCHEDULED_UNTIL, true, true, ONE_HOUR,
                        CREATED_AT, RESCHEDULED_AT, null, null, null, null, 2)).withActor("Dana Whitfield");
    }

    public static MaintenanceReminder maintenanceReminder() {
        return new MaintenanceReminder(
                UUID.fromString("3a8f5d26-c1e7-4b93-8d4a-6e2b9f0c7d15"),
                MAINTENANCE_ID,
                3,
                REMINDED_AT,
                REMINDED_AT,
                new MaintenanceSnapshot(MAINTENANCE_ID, TITLE, MaintenanceStatus.SCHEDULED, COMPONENTS,
                        SCHEDULED_FOR, SCHEDULED_UNTIL, true, true, ONE_HOUR,
                        CREATED_AT, REMINDED_AT, REMINDED_AT, null, null, null, 3)).withActor("scheduler");
    }

    public static MaintenanceStarted maintenanceStarted() {
        return new MaintenanceStarted(
                UUID.fromString("d9e4b7a1-2f6c-4a08-b3d5-8c1e7f4a2b96"),
                MAINTENANCE_ID,
                4,
                STARTED_AT,
                STARTED_AT,
                new MaintenanceUpdate(
                        UUID.fromString("6c2f8e4b-9d3a-4c71-a6e0-5b8d1f7c3e29"),
                        MaintenanceStatus.IN_PROGRESS,
                        MaintenanceStatus.SCHEDULED,
                        "The scheduled maintenance has started.",
                        STARTED_AT),
                true,
                new MaintenanceSnapshot(MAINTENANCE_ID, TITLE, MaintenanceStatus.IN_PROGRESS, COMPONENTS,
                        SCHEDULED_FOR, SCHEDULED_UNTIL, true, true, ONE_HOUR,
                        CREATED_AT, STARTED_AT, REMINDED_AT, STARTED_AT, null, null, 4)).withActor("scheduler");
    }

    public static MaintenanceCompleted maintenanceCompleted() {
        return new MaintenanceCompleted(
                UUID.fromString("f1b6a3d8-7e2c-4f59-9a04-c3d8e6b1f7a2"),
                MAINTENANCE_ID,
                6,
                COMPLETED_AT,
                Instant.parse("2025-11-09T04:31:18.290447Z"),
                new MaintenanceUpdate(
                        UUID.fromString("a5d1c8e3-0b4f-4e72-b9a6-2f7e4c1d8b53"),
                        MaintenanceStatus.COMPLETED,
                        MaintenanceStatus.VERIFYING,
                        "The upgrade is complete and the database is serving from the new version. The Public API"
                                + " and the Dashboard are operating normally.",
                        COMPLETED_AT),
                false,
                new MaintenanceSnapshot(MAINTENANCE_ID, TITLE, MaintenanceStatus.COMPLETED, COMPONENTS,
                        SCHEDULED_FOR, SCHEDULED_UNTIL, true, true, ONE_HOUR,
                        CREATED_AT, COMPLETED_AT, REMINDED_AT, STARTED_AT, COMPLETED_AT, null, 6)).withActor("Dana Whitfield");
    }

    public static MaintenanceCancelled maintenanceCancelled() {
        Instant createdAt = Instant.parse("2025-11-05T09:02:37.640518Z");
        Instant cancelledAt = Instant.parse("2025-11-10T08:22:41.118402Z");
        return new MaintenanceCancelled(
                UUID.fromString("7e3b9f52-a4d1-4c86-8e7f-1a6c3d9b5e04"),
                REPLICAS_ID,
                2,
                cancelledAt,
                Instant.parse("2025-11-10T08:22:41.187935Z"),
                new MaintenanceUpdate(
                        UUID.fromString("2b7d4a9e-6f3c-4d18-a5b2-9e0f8c6a1d73"),
                        MaintenanceStatus.CANCELLED,
                        MaintenanceStatus.SCHEDULED,
                        "We have cancelled this maintenance: the upgrade of the primary cluster on 9 November"
                                + " covered the read replicas as well.",
                        cancelledAt),
                new MaintenanceSnapshot(REPLICAS_ID, "Read replica upgrade in eu-west", MaintenanceStatus.CANCELLED,
                        List.of(new MaintenanceComponent("api", "Public API")),
                        Instant.parse("2025-11-16T02:00:00Z"), Instant.parse("2025-11-16T03:30:00Z"), true, false, null,
                        createdAt, cancelledAt, null, null, null, cancelledAt, 2)).withActor("Dana Whitfield");
    }
}
