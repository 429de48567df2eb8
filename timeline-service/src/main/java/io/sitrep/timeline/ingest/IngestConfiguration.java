package io.sitrep.timeline.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.sitrep.support.tracing.RecordObservations;
import io.sitrep.timeline.readmodel.ReadModels;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.BatchMessageConverter;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.messaging.Message;

/** Wires the live consumer (binding {@code incidentEvents-in-0}), its error handling, dead letters, metrics and health. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /** The function Spring Cloud Stream binds to the incident-events topic, a poll's records at a time. */
    @Bean
    Consumer<Message<List<byte[]>>> incidentEvents(EventApplier applier, DeadLetters deadLetters, IngestMetrics metrics,
                                                   IngestSettings settings, LastApplied lastApplied,
                                                   ObservationRegistry observations, ApplicationEventPublisher changes) {
        return new IncidentEventsConsumer(applier, deadLetters, metrics, settings, lastApplied,
                new RecordObservations(observations, "incidentEvents-in-0", settings.group()), changes);
    }

    /** Hands the consumer the raw records, so dead letters keep the original key, headers, partition and offset. */
    @Bean
    BatchMessageConverter rawRecordsConverter() {
        BatchMessagingMessageConverter converter = new BatchMessagingMessageConverter();
        converter.setRawRecordHeader(true);
        return converter;
    }

    /**
     * What reaches the container is database trouble, or a dead letter the broker did not take (the
     * consumer dead-letters everything else): redeliver the batch from its first record after an
     * exponential backoff, for as long as it takes, never skipping it.
     */
    @Bean
    CommonErrorHandler redeliveringErrorHandler(IngestSettings settings) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(settings.redeliveryMaxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.setAckAfterHandle(false);
        return handler;
    }

    @Bean
    NewTopic deadLetterTopic(IngestSettings settings) {
        return new NewTopic(settings.deadLetterTopic(), settings.deadLetterTopicPartitions(), (short) -1);
    }

    @Bean
    HealthIndicator readModelsHealthIndicator(ReadModels readModels, IngestMetrics metrics, LastApplied lastApplied) {
        return new ReadModelHealthIndicator(readModels, metrics, lastApplied);
    }

    @Bean
    Gauge gapsGauge(MeterRegistry registry, ReadModels readModels) {
        return Gauge.builder("sitrep.timeline.gaps", readModels, ReadModels::gapCount)
                .description("Version gaps recorded in the current generation of the read models")
                .register(registry);
    }
}
