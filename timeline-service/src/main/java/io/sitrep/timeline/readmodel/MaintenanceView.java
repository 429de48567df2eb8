package io.sitrep.timeline.readmodel;

import io.sitrep.events.MaintenanceComponent;
import io.sitrep.events.MaintenanceStatus;
import jakarta.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A maintenance window as its latest applied snapshot (or the snapshot of a past moment) shows it. The
 * planned window is {@code scheduledFor} to {@code scheduledUntil}; when the work really started and
 * ended is in {@code startedAt} and {@code completedAt}.
 *
 * @param remindBefore how long before its start a reminder is published; null for none
 * @param version      the version of the window this view shows
 */
public record MaintenanceView(
        UUID id,
        String title,
        MaintenanceStatus status,
        List<MaintenanceComponent> components,
        Instant scheduledFor,
        Instant scheduledUntil,
        boolean autoStart,
        boolean autoComplete,
        Duration remindBefore,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant remindedAt,
        @Nullable Instant startedAt,
        @Nullable Instant completedAt,
        @Nullable Instant cancelledAt,
        long version) {

    public MaintenanceView {
        components = components == null ? List.of() : List.copyOf(components);
    }
}
