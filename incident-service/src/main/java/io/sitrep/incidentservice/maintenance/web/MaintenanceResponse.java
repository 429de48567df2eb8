package io.sitrep.incidentservice.maintenance.web;

import io.sitrep.events.MaintenanceComponent;
import io.sitrep.events.MaintenanceSnapshot;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.incidentservice.maintenance.MaintenanceDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A maintenance window with its timeline of updates, oldest first.
 *
 * @param version      raised by every change; the ETag, for If-Match
 * @param remindBefore the reminder's lead, an ISO-8601 duration such as PT1H; null for none
 * @param remindedAt   when the reminder was published; null until then
 * @param startedAt    when the work started; null until then
 * @param completedAt  null until completed
 * @param cancelledAt  null unless cancelled
 * @param updates      null in a list, where only the window is shown
 */
record MaintenanceResponse(
        UUID id,
        String title,
        MaintenanceStatus status,
        long version,
        List<MaintenanceComponent> components,
        Instant scheduledFor,
        Instant scheduledUntil,
        boolean autoStart,
        boolean autoComplete,
        @Nullable Duration remindBefore,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant remindedAt,
        @Nullable Instant startedAt,
        @Nullable Instant completedAt,
        @Nullable Instant cancelledAt,
        @Nullable List<Update> updates) {

    /** One update: what was said, the status it left the window in, and who posted it. */
    @Schema(name = "MaintenanceTimelineUpdate")
    record Update(UUID id, long version, MaintenanceStatus status, @Nullable MaintenanceStatus previousStatus, String message,
                  Instant createdAt,
                  @Nullable @Schema(description = "who posted it: the API key's name or the person a trusted client acted for, "
                          + "scheduler for a step the window took by itself; null for updates from before actors were recorded")
                  String actor) {
    }

    static MaintenanceResponse of(MaintenanceDetails details) {
        List<Update> updates = details.updates().stream()
                .map(e -> new Update(e.update().id(), e.version(), e.update().status(), e.update().previousStatus(),
                        e.update().message(), e.update().createdAt(), e.actor()))
                .toList();
        return of(details.maintenance(), updates);
    }

    static MaintenanceResponse of(MaintenanceSnapshot s, List<Update> updates) {
        return new MaintenanceResponse(s.id(), s.title(), s.status(), s.version(), s.components(), s.scheduledFor(), s.scheduledUntil(),
                s.autoStart(), s.autoComplete(), s.remindBefore(), s.createdAt(), s.updatedAt(), s.remindedAt(), s.startedAt(),
                s.completedAt(), s.cancelledAt(), updates);
    }
}
