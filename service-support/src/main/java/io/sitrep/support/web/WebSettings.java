package io.sitrep.support.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * Limits of every service's HTTP API.
 *
 * @param maxBodySize the largest request body accepted; larger ones are answered 413
 * @param maxBodySizeByPath the largest request body to exactly this path, instead of {@code maxBodySize}; none by default
 * @param databaseUnavailableLogInterval at most one WARN line per this interval reports requests refused
 *                                       because the database is unavailable, with their count
 */
@Validated
@ConfigurationProperties("sitrep.api")
public record WebSettings(@DefaultValue("1MB") @NotNull DataSize maxBodySize,
                          @DefaultValue Map<String, @NotNull DataSize> maxBodySizeByPath,
                          @DefaultValue("10s") @NotNull Duration databaseUnavailableLogInterval) {
}
