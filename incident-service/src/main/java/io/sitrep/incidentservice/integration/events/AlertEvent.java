package io.sitrep.incidentservice.integration.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sitrep.support.web.ReplaceUnsafeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An event shaped like PagerDuty's Events API v2. {@code routing_key} is the API key of the
 * integration. Fields PagerDuty defines that Sitrep does not use are accepted and ignored. Unsafe
 * characters in its text become U+FFFD rather than a refusal, so that no alert is lost over them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@ReplaceUnsafeText
public record AlertEvent(
        @JsonProperty("routing_key") @NotBlank @Size(max = 512) String routingKey,
        @JsonProperty("event_action") @NotNull @Pattern(regexp = "trigger|acknowledge|resolve",
                message = "must be trigger, acknowledge or resolve") String eventAction,
        @JsonProperty("dedup_key") String dedupKey,
        @Valid Payload payload,
        List<Map<String, Object>> links,
        List<Map<String, Object>> images) {

    /**
     * What is wrong; required for {@code trigger}. No text is refused for its length: the translation
     * cuts what it uses to the REST API's limits.
     *
     * @param severity critical, error, warning or info
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @ReplaceUnsafeText
    public record Payload(
            @NotBlank String summary,
            @NotBlank String source,
            @NotNull @Pattern(regexp = "critical|error|warning|info", message = "must be critical, error, warning or info") String severity,
            Instant timestamp,
            String component,
            String group,
            @JsonProperty("class") String eventClass,
            @JsonProperty("custom_details") Object customDetails) {
    }
}
