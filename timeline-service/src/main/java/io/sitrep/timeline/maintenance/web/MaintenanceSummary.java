package io.sitrep.timeline.maintenance.web;

import io.sitrep.events.MaintenanceComponent;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.timeline.readmodel.MaintenanceView;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A maintenance window in a list: its fields and components, without its updates.
 *
 * @param remindBefore how long before its start a reminder is published, an ISO-8601 duration; null for none
 */
record MaintenanceSummary(
        UUID id,
        String title,
        MaintenanceStatus status,
        Instant scheduledFor,
        Instant scheduledUntil,
        boolean autoStart,
        boolean autoComplete,
        @Nullable String remindBefore,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant remindedAt,
        @Nullable Instant startedAt,
        @Nullable Instant completedAt,
        @Nullable Instant cancelledAt,
        long version,
        List<MaintenanceComponent> components) {

    static MaintenanceSummary of(MaintenanceView maintenance) {
        return new MaintenanceSummary(maintenance.id(), maintenance.title(), maintenance.status(), maintenance.scheduledFor(),
                maintenance.scheduledUntil(), maintenance.autoStart(), maintenance.autoComplete(),
                maintenance.remindBefore() == null ? null : maintenance.remindBefore().toString(), maintenance.createdAt(),
                maintenance.updatedAt(), maintenance.remindedAt(), maintenance.startedAt(), maintenance.completedAt(),
                maintenance.cancelledAt(), maintenance.version(), maintenance.components());
    }
}
