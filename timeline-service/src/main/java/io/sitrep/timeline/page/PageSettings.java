package io.sitrep.timeline.page;

import io.sitrep.timeline.readmodel.Audience;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The public status page, and what the Statuspage-compatible API and the Atom feed say about it.
 *
 * @param id             the page id in the Statuspage-compatible API ({@code page.id}, {@code page_id})
 * @param name           the page's name: its title ("{name} status"), the feed's title and author
 * @param url            the public URL of the page, without a trailing slash; links in the feed and the API start with it
 * @param historyDays    how many days of resolved incidents the page shows under its history
 * @param incidentsLimit how many of the most recent incidents the feed and {@code /api/v2/incidents.json} list, and how many of
 *                       the most recent maintenance windows the feed lists
 * @param showActor      whether the page's incident updates and {@code /api/v2}'s ({@code posted_by}) name who posted them;
 *                       off by default, when only authenticated reads show it
 * @param timeZone       the time zone the pages show times in without JavaScript (with it, the reader's own), and
 *                       {@code page.time_zone} of {@code /api/v2}
 * @param logoUrl        an http(s) URL of a logo shown beside the name; empty for none
 * @param accentColor    the colour of links and the header rule, as {@code #rrggbb}
 * @param footerLinks    links shown in the footer, at most 10
 * @param subscribeUrl   where the page's subscribe form posts (fields {@code email}, {@code components} repeated,
 *                       {@code website} as a honeypot); empty for no form
 * @param refreshSpread  the page's script waits a random time up to this long before it fetches what an event changed, so
 *                       that readers do not all ask at the same moment
 */
@Validated
@ConfigurationProperties("sitrep.timeline.page")
public record PageSettings(
        @DefaultValue("sitrep") @NotBlank String id,
        @DefaultValue("Sitrep") @NotBlank @Size(max = 100) String name,
        @DefaultValue("http://localhost:8083") @NotBlank @Pattern(regexp = "^https?://\\S+[^/]$", message = "must be an http(s) URL without a trailing slash") String url,
        @DefaultValue("14") @Min(0) @Max(366) int historyDays,
        @DefaultValue("50") @Min(1) @Max(500) int incidentsLimit,
        @DefaultValue("false") boolean showActor,
        @DefaultValue("UTC") @NotNull ZoneId timeZone,
        @DefaultValue("") @Size(max = 2000) @Pattern(regexp = "^$|^https?://[^\\s\"'<>]+$", message = "must be empty or an http(s) URL") String logoUrl,
        @DefaultValue("#0550ae") @NotNull @Pattern(regexp = "^#[0-9a-fA-F]{6}$", message = "must be a colour as #rrggbb") String accentColor,
        @DefaultValue({}) @NotNull @Size(max = 10) List<@Valid @NotNull FooterLink> footerLinks,
        @DefaultValue("http://localhost:8082/api/v1/public/subscriptions") @Size(max = 2000)
        @Pattern(regexp = "^$|^https?://[^\\s\"'<>]+$", message = "must be empty or an http(s) URL") String subscribeUrl,
        @DefaultValue("10s") @NotNull Duration refreshSpread) {

    public PageSettings {
        footerLinks = footerLinks == null ? List.of() : List.copyOf(footerLinks);
    }

    /**
     * A link in the page's footer.
     *
     * @param label the link's text
     * @param url   an http(s) URL, or a path on this page starting with {@code /}
     */
    public record FooterLink(
            @NotBlank @Size(max = 60) String label,
            @NotBlank @Size(max = 2000) @Pattern(regexp = "^(https?://|/)[^\\s\"'<>]*$", message = "must be an http(s) URL or a path") String url) {
    }

    /** The logo's URL; null when none is set. */
    public @Nullable String logo() {
        return logoUrl.isEmpty() ? null : logoUrl;
    }

    /** Whether the page carries a subscribe form. */
    public boolean subscribable() {
        return !subscribeUrl.isEmpty();
    }

    /** Whom the page's incident reads are for: the public, with or without who posted each update. */
    public Audience audience() {
        return showActor ? Audience.PUBLIC_WITH_ACTORS : Audience.PUBLIC;
    }
}
