package io.sitrep.notification.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.notification.delivery.DispatchSignal;
import io.sitrep.notification.delivery.Deliveries;
import io.sitrep.notification.delivery.HandOff;
import io.sitrep.notification.subscription.Subscriptions;
import io.sitrep.notification.webhook.WebhookPayload;
import io.sitrep.support.consumer.BatchConsumer;
import io.sitrep.support.consumer.BatchConsumerConfiguration;
import io.sitrep.support.consumer.BatchErrorHandlers;
import io.sitrep.support.tracing.RecordObservations;
import io.sitrep.support.tracing.Traces;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.converter.BatchMessageConverter;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.messaging.Message;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** Wires the consumer binding {@code incidentEvents-in-0} (see application.yml) and its error handling. */
@Configuration(proxyBeanMethods = false)
@Import(BatchConsumerConfiguration.class)
class IntakeConfiguration {

    private static final String BINDING = "incidentEvents-in-0";

    @Bean
    Fanout fanout(JdbcClient jdbc, Subscriptions subscriptions, Deliveries deliveries, WebhookPayload payloads, Clock clock) {
        return new Fanout(jdbc, subscriptions, deliveries, payloads, clock);
    }

    @Bean
    IncidentEventConsumer incidentEventConsumer(EventCodec codec, Fanout fanout, JdbcTemplate jdbc, DispatchSignal signal, HandOff handOff,
                                                MeterRegistry registry, Traces traces, Clock clock) {
        return new IncidentEventConsumer(codec, fanout, new ParkedRecords(jdbc), signal, handOff, registry, traces, clock);
    }

    /** The function Spring Cloud Stream binds to the incident-events topic, a poll's records at a time. */
    @Bean
    Consumer<Message<List<byte[]>>> incidentEvents(IncidentEventConsumer consumer, ObservationRegistry observations,
                                                   @Value("${spring.cloud.stream.bindings.incidentEvents-in-0.group}") String group) {
        return new BatchConsumer<>(new RecordObservations(observations, BINDING, group), consumer);
    }

    /**
     * The binding's error handler (named in application.yml): a record the consumer names as unreadable or failing is
     * parked at once and the poll goes on after it; a database failure redelivers the poll with the backoff
     * {@code sitrep.consumer.backoff.*}, pausing the container, for as long as it takes.
     */
    @Bean
    CommonErrorHandler incidentEventsErrorHandler(BatchErrorHandlers handlers, IncidentEventConsumer consumer,
                                                  ObservationRegistry observations,
                                                  @Value("${spring.cloud.stream.bindings.incidentEvents-in-0.group}") String group) {
        return handlers.create(new RecordObservations(observations, BINDING, group), consumer::recover);
    }

    /** Hands the consumer the raw records: their headers, and where they came from for the parked ones. */
    @Bean
    BatchMessageConverter rawRecordsConverter() {
        BatchMessagingMessageConverter converter = new BatchMessagingMessageConverter();
        converter.setRawRecordHeader(true);
        return converter;
    }
}
