package io.sitrep.timeline.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much of an incident's timeline one answer carries.
 *
 * @param timelineLimit how many of an incident's newest timeline entries an answer embeds (the API, the Statuspage-compatible API,
 *                      the feed, the pages); {@code GET /api/v1/incidents/{id}/timeline} pages through the rest
 */
@Validated
@ConfigurationProperties("sitrep.timeline.api")
public record TimelineSettings(@DefaultValue("100") @Min(1) @Max(1000) int timelineLimit) {
}
