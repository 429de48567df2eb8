package io.sitrep.timeline.statuspage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Statuspage's component object. A group is a component with {@code group: true} and the ids of its
 * {@code components}; a member names its group in {@code group_id}.
 *
 * @param components the member ids of a group; absent for a component
 */
record SpComponent(
        String id,
        String name,
        String status,
        @JsonProperty("created_at") @Nullable Instant createdAt,
        @JsonProperty("updated_at") @Nullable Instant updatedAt,
        int position,
        @Nullable String description,
        boolean showcase,
        @Nullable @JsonProperty("start_date") LocalDate startDate,
        @Nullable @JsonProperty("group_id") String groupId,
        @JsonProperty("page_id") String pageId,
        boolean group,
        @JsonProperty("only_show_if_degraded") boolean onlyShowIfDegraded,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> components) {
}
