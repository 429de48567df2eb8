package io.sitrep.notification.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.util.UUID;

/**
 * The status page that notifications speak for.
 *
 * @param name the page's name, as people know it: email senders and subjects, chat messages
 * @param url  the page's public URL (timeline-service's page); an incident's page is {@code <url>/incidents/<id>}
 * @param id   the page's id in Statuspage-shaped webhooks ({@code page.id})
 */
@Validated
@ConfigurationProperties("sitrep.notification.page")
public record PageSettings(
        @DefaultValue("Sitrep") @NotBlank @Size(max = 100) String name,
        @DefaultValue("http://localhost:8083") @NotNull URI url,
        @DefaultValue("sitrep") @NotBlank @Pattern(regexp = "^[A-Za-z0-9_-]{1,64}$") String id) {

    /** The status page's URL, without a trailing slash. */
    public String pageUrl() {
        String base = url.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The page of one incident. */
    public String incidentUrl(UUID incidentId) {
        return pageUrl() + "/incidents/" + incidentId;
    }
}
