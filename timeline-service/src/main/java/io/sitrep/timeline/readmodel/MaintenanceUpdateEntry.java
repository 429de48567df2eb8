package io.sitrep.timeline.readmodel;

import io.sitrep.events.MaintenanceStatus;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a maintenance window's timeline: an update as the event that carried it told it.
 *
 * @param type           the event's wire type, e.g. {@code maintenance.started}
 * @param previousStatus null for the scheduling entry
 * @param message        what the update tells users (Markdown)
 * @param occurredAt     when it happened in the world
 * @param publishedAt    when Sitrep accepted it
 * @param actor          who posted it, {@code scheduler} for a step the window took by itself; shown to authenticated
 *                       readers only, null otherwise and for entries from before actors were recorded
 */
public record MaintenanceUpdateEntry(
        UUID id,
        UUID eventId,
        String type,
        long version,
        MaintenanceStatus status,
        @Nullable MaintenanceStatus previousStatus,
        String message,
        Instant occurredAt,
        Instant publishedAt,
        @Nullable String actor) {
}
