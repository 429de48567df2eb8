package io.sitrep.notification.email;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;

/**
 * Where people reach this service.
 *
 * @param publicBaseUrl the service's URL as seen from a mail client; the links in emails start with it
 */
@Validated
@ConfigurationProperties("sitrep.notification")
public record PublicUrlSettings(@DefaultValue("http://localhost:8082") @NotNull URI publicBaseUrl) {

    /** The URL of a path of this service, e.g. {@code /api/v1/subscriptions/confirm?token=…}. */
    public String url(String pathAndQuery) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
    }
}
