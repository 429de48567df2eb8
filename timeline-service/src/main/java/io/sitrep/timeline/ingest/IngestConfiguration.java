package io.sitrep.timeline.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.sitrep.support.consumer.BatchConsumer;
import io.sitrep.support.consumer.BatchConsumerConfiguration;
import io.sitrep.support.consumer.BatchErrorHandlers;
import io.sitrep.support.tracing.RecordObservations;
import io.sitrep.timeline.readmodel.ReadModels;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.converter.BatchMessageConverter;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Consumer;

/** Wires the live consumer (binding {@code incidentEvents-in-0}), its error handling, dead letters, metrics and health. */
@Configuration(proxyBeanMethods = false)
@Import(BatchConsumerConfiguration.class)
class IngestConfiguration {

    private static final String BINDING = "incidentEvents-in-0";

    @Bean
    IncidentEventsConsumer incidentEventsConsumer(EventApplier applier, DeadLetters deadLetters, IngestMetrics metrics,
                                                  LastApplied lastApplied, ApplicationEventPublisher changes) {
        return new IncidentEventsConsumer(applier, deadLetters, metrics, lastApplied, changes);
    }

    /** The function Spring Cloud Stream binds to the incident-events topic, a poll's records at a time. */
    @Bean
    Consumer<Message<List<byte[]>>> incidentEvents(IncidentEventsConsumer consumer, IngestSettings settings,
                                                   ObservationRegistry observations) {
        return new BatchConsumer<>(new RecordObservations(observations, BINDING, settings.group()), consumer);
    }

    /** Hands the consumer the raw records, so dead letters keep the original key, headers, partition and offset. */
    @Bean
    BatchMessageConverter rawRecordsConverter() {
        BatchMessagingMessageConverter converter = new BatchMessagingMessageConverter();
        converter.setRawRecordHeader(true);
        return converter;
    }

    /**
     * The binding's error handler (named in application.yml): a record the consumer names as unreadable or failing is
     * dead-lettered at once and the poll goes on after it; a database failure, or a dead letter the broker did not
     * take, redelivers the poll with the backoff {@code sitrep.consumer.backoff.*}, pausing the container, never
     * skipping it.
     */
    @Bean
    CommonErrorHandler redeliveringErrorHandler(BatchErrorHandlers handlers, IncidentEventsConsumer consumer, IngestSettings settings,
                                                ObservationRegistry observations) {
        return handlers.create(new RecordObservations(observations, BINDING, settings.group()), consumer::recover);
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
