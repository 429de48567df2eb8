package io.sitrep.support.security;

import io.sitrep.events.Visibility;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Who may call the API.
 *
 * @param apiKeys      the API keys, each stored as the SHA-256 of the key, never the key itself
 * @param bootstrapKey a key given in plain text, from the environment only ({@code SITREP_API_KEY});
 *                     it has every scope; empty for none
 * @param rateLimit    the request budget of each key
 * @param frameAncestors who may show the service's pages in a frame, as a CSP {@code frame-ancestors}
 *                       source list ({@code 'none'}, or for example {@code https://intranet.example.com})
 * @param formAction   where the service's pages may post forms, as a CSP {@code form-action} source list (for example
 *                     {@code 'self' https://notify.example.com} for a subscribe form that posts to another service)
 */
@Validated
@ConfigurationProperties("sitrep.security")
public record SecuritySettings(
        @DefaultValue @Valid List<ApiKey> apiKeys,
        @DefaultValue("") String bootstrapKey,
        @DefaultValue @Valid @NotNull RateLimit rateLimit,
        @DefaultValue("'none'") @Pattern(regexp = "^[^;,\\r\\n]+$", message = "must be a CSP source list, without ';'") String frameAncestors,
        @DefaultValue("'self'") @Pattern(regexp = "^[^;,\\r\\n]+$", message = "must be a CSP source list, without ';'") String formAction) {

    /** The Content-Security-Policy of every answer: scripts, styles and images from the service itself only. */
    public String contentSecurityPolicy() {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "font-src 'self'; manifest-src 'self'; form-action " + formAction + "; base-uri 'none'; frame-ancestors " + frameAncestors;
    }

    /**
     * The Content-Security-Policy of Swagger UI's pages: the same, except that styles may also be inline, since
     * Swagger UI sets some as it renders. Scripts still come from the service itself only.
     */
    public String apiBrowserContentSecurityPolicy() {
        return contentSecurityPolicy().replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");
    }

    /** Whether pages may be framed by someone; then only the CSP says by whom, and X-Frame-Options is left out. */
    public boolean embeddable() {
        return !"'none'".equals(frameAncestors.strip());
    }

    /**
     * One API key.
     *
     * @param name   a name for logs and metrics, never the key
     * @param sha256 the hex SHA-256 of the key
     * @param scopes           what the key may do, e.g. {@code incidents:write}; {@code admin} for everything; none for read-only
     * @param defaultComponent the component that incidents opened through an integration with this key
     *                         affect when the alert names none (incident-service); empty for none
     * @param incidentVisibility the visibility of incidents integrations open with this key (incident-service):
     *                           public or internal; empty for the service's default
     */
    public record ApiKey(
            @NotBlank String name,
            @NotBlank @Pattern(regexp = "^[0-9a-fA-F]{64}$", message = "must be the 64 hex digits of a SHA-256") String sha256,
            @DefaultValue Set<@Pattern(regexp = "^[a-z][a-z-]*(:[a-z][a-z-]*)?$", message = "must be a scope such as incidents:write") String> scopes,
            @DefaultValue("") String defaultComponent,
            Visibility incidentVisibility) {
    }

    /**
     * Requests each key may make per period; more are answered 429 with Retry-After.
     *
     * @param requestsPerPeriod requests allowed per period and key
     * @param period            the length of a period
     */
    public record RateLimit(
            @DefaultValue("200") @Min(1) int requestsPerPeriod,
            @DefaultValue("1s") @NotNull Duration period) {
    }

    @Override
    public String toString() {
        return "SecuritySettings[apiKeys=" + apiKeys.size() + ", bootstrapKey=" + (bootstrapKey.isEmpty() ? "none" : "set")
                + ", rateLimit=" + rateLimit + ", frameAncestors=" + frameAncestors + "]";
    }
}
