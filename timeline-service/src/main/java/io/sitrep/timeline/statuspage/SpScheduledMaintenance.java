package io.sitrep.timeline.statuspage;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Statuspage's scheduled maintenance object: an incident object with {@code impact: maintenance}, the
 * planned window in {@code scheduled_for} and {@code scheduled_until}, and its updates newest first.
 * {@code status} is one of Statuspage's scheduled, in_progress, verifying, completed: a cancelled window
 * shows as completed (resolved when it was cancelled), its last update saying so.
 */
record SpScheduledMaintenance(
        UUID id,
        String name,
        String status,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @Nullable @JsonProperty("monitoring_at") Instant monitoringAt,
        @Nullable @JsonProperty("resolved_at") Instant resolvedAt,
        String impact,
        String shortlink,
        @Nullable @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("page_id") String pageId,
        @JsonProperty("incident_updates") List<SpIncident.SpIncidentUpdate> incidentUpdates,
        List<SpComponent> components,
        @JsonProperty("scheduled_for") Instant scheduledFor,
        @JsonProperty("scheduled_until") Instant scheduledUntil) {
}
