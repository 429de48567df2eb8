package io.sitrep.timeline.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.timeline.readmodel.ReadModels;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.MessagingMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.function.Consumer;

import org.springframework.messaging.Message;

/** Wires the live consumer (binding {@code incidentEvents-in-0}), its error handling, dead letters, metrics and health. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /** The function Spring Cloud Stream binds to the incident-events topic. */
    @Bean
    Consumer<Message<byte[]>> incidentEvents(EventApplier applier, DeadLetters deadLetters, IngestMetrics metrics,
                                             IngestSettings settings, LastApplied lastApplied) {
        return new IncidentEventsConsumer(applier, deadLetters, metrics, settings, lastApplied);
    }

    /** Hands the consumer the raw record, so dead letters keep the original key, headers, partition and offset. */
    @Bean
    RecordMessageConverter rawRecordConverter() {
        MessagingMessageConverter converter = new MessagingMessageConverter();
        converter.setRawRecordHeader(true);
        return converter;
    }

    /**
     * What reaches the container is database trouble (the consumer dead-letters everything else):
     * redeliver the record after an exponential backoff, for as long as it takes, never skipping it.
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
