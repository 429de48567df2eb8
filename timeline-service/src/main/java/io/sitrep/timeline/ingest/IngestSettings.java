package io.sitrep.timeline.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the incident events are consumed; the backoff after a database failure is {@code sitrep.consumer.backoff.*}.
 *
 * @param topic                     the topic of the incident events
 * @param group                     the consumer group of the live consumer
 * @param deadLetterTopic           where records that cannot be decoded or applied go, with the reason in headers
 * @param deadLetterTopicPartitions partitions of the dead-letter topic when the service creates it
 * @param deadLetterTimeout         how long a dead-letter publish may take before the record is redelivered instead
 */
@Validated
@ConfigurationProperties("sitrep.timeline.ingest")
public record IngestSettings(
        @DefaultValue("sitrep.incident-events") @NotBlank String topic,
        @DefaultValue("timeline-service") @NotBlank String group,
        @DefaultValue("sitrep.incident-events.timeline.dlt") @NotBlank String deadLetterTopic,
        @DefaultValue("1") @Min(1) @Max(1000) int deadLetterTopicPartitions,
        @DefaultValue("10s") @NotNull Duration deadLetterTimeout) {
}
