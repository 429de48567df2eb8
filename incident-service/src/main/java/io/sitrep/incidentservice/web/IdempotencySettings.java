package io.sitrep.incidentservice.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How long idempotent POSTs are remembered.
 *
 * @param idempotencyRetention how long a response is kept for replay to a retry with the same Idempotency-Key
 */
@Validated
@ConfigurationProperties("sitrep.api")
public record IdempotencySettings(@DefaultValue("24h") @NotNull Duration idempotencyRetention) {
}
