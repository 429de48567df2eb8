package io.sitrep.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A maintenance window as it stands after an event, so that consumers never need to call back. The
 * planned window ({@code scheduledFor}, {@code scheduledUntil}) stays as planned; when the work really
 * started and ended is in {@code startedAt} and {@code completedAt}.
 *
 * @param autoStart whether the window starts by itself at {@code scheduledFor}
 * @param autoComplete whether the window completes by itself at {@code scheduledUntil}
 * @param remindBefore how long before {@code scheduledFor} a reminder is published, an ISO-8601 duration on
 *                     the wire (e.g. {@code PT1H}); null for no reminder
 * @param remindedAt when the reminder was published; null until then
 * @param startedAt when the work started; null while scheduled or when cancelled before it started
 * @param completedAt when the work was completed; null until then
 * @param cancelledAt when the window was cancelled; null unless cancelled
 */
public record MaintenanceSnapshot(
        UUID id,
        String title,
        MaintenanceStatus status,
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
        long version) {

    public MaintenanceSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(scheduledFor, "scheduledFor");
        Objects.requireNonNull(scheduledUntil, "scheduledUntil");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        components = components == null ? List.of() : List.copyOf(components);
    }
}
