package io.sitrep.timeline.statuspage;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** Statuspage's {@code page} object. */
record SpPage(String id, String name, String url, @JsonProperty("time_zone") String timeZone,
              @JsonProperty("updated_at") Instant updatedAt) {
}
