package io.sitrep.timeline.page;

import io.sitrep.timeline.readmodel.Audience;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The public status page, and what the Statuspage-compatible API and the Atom feed say about it.
 *
 * @param id             the page id in the Statuspage-compatible API ({@code page.id}, {@code page_id})
 * @param name           the page's name: its title, the feed's title and author
 * @param url            the public URL of the page, without a trailing slash; links in the feed and the API start with it
 * @param historyDays    how many days of resolved incidents the page shows under its history
 * @param incidentsLimit how many of the most recent incidents the feed and {@code /api/v2/incidents.json} list, and how many of
 *                       the most recent maintenance windows the feed lists
 * @param showActor      whether the page's incident updates and {@code /api/v2}'s ({@code posted_by}) name who posted them;
 *                       off by default, when only authenticated reads show it
 */
@Validated
@ConfigurationProperties("sitrep.timeline.page")
public record PageSettings(
        @DefaultValue("sitrep") @NotBlank String id,
        @DefaultValue("Sitrep") @NotBlank String name,
        @DefaultValue("http://localhost:8083") @NotBlank @Pattern(regexp = "^https?://\\S+[^/]$", message = "must be an http(s) URL without a trailing slash") String url,
        @DefaultValue("14") @Min(0) @Max(366) int historyDays,
        @DefaultValue("50") @Min(1) @Max(500) int incidentsLimit,
        @DefaultValue("false") boolean showActor) {

    /** Whom the page's incident reads are for: the public, with or without who posted each update. */
    public Audience audience() {
        return showActor ? Audience.PUBLIC_WITH_ACTORS : Audience.PUBLIC;
    }
}
