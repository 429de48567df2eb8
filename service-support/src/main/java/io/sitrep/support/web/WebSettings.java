package io.sitrep.support.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Limits of every service's HTTP API.
 *
 * @param maxBodySize the largest request body accepted; larger ones are answered 413
 * @param databaseUnavailableLogInterval at most one WARN line per this interval reports requests refused
 *                                       because the database is unavailable, with their count
 */
@Validated
@ConfigurationProperties("sitrep.api")
public record WebSettings(@DefaultValue("1MB") @NotNull DataSize maxBodySize,
                          @DefaultValue("10s") @NotNull Duration databaseUnavailableLogInterval) {
}
