package io.sitrep.support.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the outbox relay publishes events.
 *
 * @param enabled          whether this instance runs a relay (one relay publishes at a time across instances)
 * @param topic            the Kafka topic events go to; each service sets its own
 * @param topicPartitions  partitions of the topic when the service creates it
 * @param topicReplicas    replicas of the topic when the service creates it
 * @param topicRetention   how long the topic keeps events; zero keeps them forever, so read models can always be rebuilt
 * @param source           the CloudEvents source of the events, e.g. {@code /sitrep/incident-service}
 * @param batchSize        the most rows published in one relay transaction
 * @param pollInterval     how often the relay looks for rows when no commit notification arrives
 * @param sendTimeout      how long the relay waits for the broker to acknowledge a batch once the producer has sent it
 *                         (the producer's {@code delivery.timeout.ms} bounds the sending)
 * @param maxBackoff       the longest pause between attempts while the broker or database fails
 */
@Validated
@ConfigurationProperties("sitrep.outbox")
public record OutboxSettings(
        @DefaultValue("true") boolean enabled,
        @NotBlank String topic,
        @DefaultValue("12") @Min(1) int topicPartitions,
        @DefaultValue("1") @Min(1) @Max(32) int topicReplicas,
        @DefaultValue("0s") @NotNull Duration topicRetention,
        @NotBlank String source,
        @DefaultValue("1000") @Min(1) @Max(10000) int batchSize,
        @DefaultValue("1s") @NotNull Duration pollInterval,
        @DefaultValue("30s") @NotNull Duration sendTimeout,
        @DefaultValue("5s") @NotNull Duration maxBackoff) {

    public OutboxSettings {
        for (Duration d : new Duration[] {pollInterval, sendTimeout, maxBackoff}) {
            if (d != null && (d.isZero() || d.isNegative())) {
                throw new IllegalArgumentException("sitrep.outbox durations must be positive, was " + d);
            }
        }
    }
}
