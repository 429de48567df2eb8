package io.sitrep.incidentservice.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Limits of the HTTP API.
 *
 * @param maxBodySize          the largest request body accepted; larger ones are answered 413
 * @param idempotencyRetention how long a response is kept for replay to a retry with the same Idempotency-Key
 */
@Validated
@ConfigurationProperties("sitrep.api")
public record ApiSettings(
        @DefaultValue("1MB") @NotNull DataSize maxBodySize,
        @DefaultValue("24h") @NotNull Duration idempotencyRetention) {
}
