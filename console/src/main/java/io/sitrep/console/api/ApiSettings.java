package io.sitrep.console.api;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * Where the services are, and the console's key to them.
 *
 * @param incidentUrl     incident-service's base URL
 * @param notificationUrl notification-service's base URL
 * @param timelineUrl     timeline-service's base URL
 * @param key             the console's API key, from the environment only ({@code SITREP_CONSOLE_API_KEY}); the services
 *                        must know it with the scopes {@code actor:delegate}, {@code incidents:write},
 *                        {@code components:write} and {@code maintenance:write}, and {@code admin} for deleting incidents
 * @param connectTimeout  how long a connection to a service may take
 * @param readTimeout     how long a service may take to answer
 */
@Validated
@ConfigurationProperties("sitrep.console.api")
public record ApiSettings(
        @DefaultValue("http://localhost:8081") @NotNull URI incidentUrl,
        @DefaultValue("http://localhost:8082") @NotNull URI notificationUrl,
        @DefaultValue("http://localhost:8083") @NotNull URI timelineUrl,
        @DefaultValue("") String key,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration readTimeout) {

    @Override
    public String toString() {
        return "ApiSettings[incidentUrl=" + incidentUrl + ", notificationUrl=" + notificationUrl + ", timelineUrl=" + timelineUrl
                + ", key=" + (key.isBlank() ? "none" : "set") + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
