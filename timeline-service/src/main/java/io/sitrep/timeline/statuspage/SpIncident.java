package io.sitrep.timeline.statuspage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Statuspage's incident object, its updates newest first. */
record SpIncident(
        UUID id,
        String name,
        String status,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @Nullable @JsonProperty("monitoring_at") Instant monitoringAt,
        @Nullable @JsonProperty("resolved_at") Instant resolvedAt,
        String impact,
        String shortlink,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("page_id") String pageId,
        @JsonProperty("incident_updates") List<SpIncidentUpdate> incidentUpdates,
        List<SpComponent> components) {

    /** One update of an incident. */
    record SpIncidentUpdate(
            UUID id,
            String status,
            String body,
            @JsonProperty("incident_id") UUID incidentId,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt,
            @JsonProperty("display_at") Instant displayAt,
            @JsonProperty("affected_components") List<SpAffectedComponent> affectedComponents,
            @JsonProperty("deliver_notifications") boolean deliverNotifications,
            @Nullable @JsonProperty("custom_tweet") String customTweet,
            @Nullable @JsonProperty("tweet_id") String tweetId,
            @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("posted_by")
            @Schema(description = "Not in Statuspage's shape: who posted the update; present only when the page is set to show it "
                    + "(sitrep.timeline.page.show-actor)") String postedBy) {

        /**
         * The update's id alone, consistent with the record's equality: an incident's JSON is kept by its updates, and
         * hashing each update's text and times for every look-up was a large part of a snapshot's build when many were new.
         */
        @Override
        public int hashCode() {
            return Objects.hashCode(id);
        }
    }

    /** A component an update changed: its id as {@code code}, and its status before and after. */
    record SpAffectedComponent(String code, String name, @Nullable @JsonProperty("old_status") String oldStatus,
                               @JsonProperty("new_status") String newStatus) {
    }
}
