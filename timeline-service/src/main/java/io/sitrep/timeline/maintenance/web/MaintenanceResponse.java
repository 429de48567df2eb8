package io.sitrep.timeline.maintenance.web;

import io.sitrep.events.MaintenanceComponent;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.timeline.readmodel.MaintenanceDetail;
import io.sitrep.timeline.readmodel.MaintenanceUpdateEntry;
import io.sitrep.timeline.readmodel.MaintenanceView;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A maintenance window with its newest updates, oldest of them first.
 *
 * @param remindBefore   how long before its start a reminder is published, an ISO-8601 duration; null for none
 * @param asOf           the moment asked for with {@code asOf}; null for the current state
 * @param earlierUpdates whether the window has updates before the first one given (only the newest timeline-limit are)
 */
record MaintenanceResponse(
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
        List<MaintenanceComponent> components,
        List<MaintenanceUpdateEntry> updates,
        @Nullable Instant asOf,
        boolean earlierUpdates) {

    static MaintenanceResponse of(MaintenanceDetail detail, Instant asOf) {
        MaintenanceView maintenance = detail.maintenance();
        return new MaintenanceResponse(maintenance.id(), maintenance.title(), maintenance.status(), maintenance.scheduledFor(),
                maintenance.scheduledUntil(), maintenance.autoStart(), maintenance.autoComplete(),
                maintenance.remindBefore() == null ? null : maintenance.remindBefore().toString(), maintenance.createdAt(),
                maintenance.updatedAt(), maintenance.remindedAt(), maintenance.startedAt(), maintenance.completedAt(),
                maintenance.cancelledAt(), maintenance.version(), maintenance.components(), detail.updates(), asOf,
                detail.earlierUpdates());
    }
}
