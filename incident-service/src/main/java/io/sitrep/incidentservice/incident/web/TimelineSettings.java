package io.sitrep.incidentservice.incident.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much of an incident's timeline its answers carry.
 *
 * @param embeddedUpdates the newest updates an incident answer embeds, 1 to 1,000; the rest are paged through its updates link
 */
@Validated
@ConfigurationProperties("sitrep.api")
public record TimelineSettings(@DefaultValue("100") @Min(1) @Max(1000) int embeddedUpdates) {

    /** The most updates one page of {@code GET /api/v1/incidents/{id}/updates} holds. */
    public static final int MAX_PAGE = 1000;
}
