package io.sitrep.timeline.rebuild;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How a rebuild reads the log.
 *
 * @param groupPrefix   the consumer group of a rebuild is this prefix and the new generation's number
 * @param batchSize     the most records one poll applies ({@code max.poll.records})
 * @param parallelism   how many transactions apply a poll's records at once, split by record key
 * @param pollTimeout   how long one poll waits for records
 * @param switchTimeout how long the switch may hold back the live consumer while the rebuild catches up with it;
 *                      when exceeded the switch is retried
 * @param maxDuration   a rebuild that has not switched after this long is abandoned
 */
@Validated
@ConfigurationProperties("sitrep.timeline.rebuild")
public record RebuildSettings(
        @DefaultValue("timeline-service.rebuild.") @NotBlank String groupPrefix,
        @DefaultValue("2000") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("4") @Min(1) @Max(16) int parallelism,
        @DefaultValue("500ms") @NotNull Duration pollTimeout,
        @DefaultValue("10s") @NotNull Duration switchTimeout,
        @DefaultValue("2h") @NotNull Duration maxDuration) {
}
