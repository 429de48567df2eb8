package io.sitrep.notification.webhook;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How webhooks are sent.
 *
 * @param allowPrivateTargets whether loopback and private addresses may be targets (local development only);
 *                            link-local, metadata and unspecified addresses are refused regardless
 * @param connectTimeout      how long to wait for a connection to the receiver
 * @param requestTimeout      how long to wait for the receiver's response once the request is sent
 * @param rotationOverlap     how long after a secret rotation webhooks are signed with the old secret too
 */
@Validated
@ConfigurationProperties("sitrep.notification.webhooks")
public record WebhookSettings(
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("15s") @NotNull Duration requestTimeout,
        @DefaultValue("24h") @NotNull Duration rotationOverlap) {
}
