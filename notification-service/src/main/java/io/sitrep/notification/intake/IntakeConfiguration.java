package io.sitrep.notification.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.notification.delivery.DispatchSignal;
import io.sitrep.notification.delivery.Deliveries;
import io.sitrep.notification.subscription.Subscriptions;
import io.sitrep.notification.webhook.WebhookPayload;
import io.sitrep.support.tracing.RecordObservations;
import io.sitrep.support.tracing.Traces;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.converter.BatchMessageConverter;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** Wires the consumer binding {@code incidentEvents-in-0} (see application.yml) and its error handling. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    Fanout fanout(JdbcClient jdbc, Subscriptions subscriptions, Deliveries deliveries, WebhookPayload payloads, Clock clock) {
        return new Fanout(jdbc, subscriptions, deliveries, payloads, clock);
    }

    /** The function Spring Cloud Stream binds to the incident-events topic, a poll's records at a time. */
    @Bean
    Consumer<Message<List<byte[]>>> incidentEvents(EventCodec codec, Fanout fanout, JdbcTemplate jdbc, DispatchSignal signal,
                                                   MeterRegistry registry, ObservationRegistry observations, Traces traces,
                                                   Clock clock, @Value("${spring.cloud.stream.bindings.incidentEvents-in-0.group}") String group) {
        return new IncidentEventConsumer(codec, fanout, new ParkedRecords(jdbc), signal, registry,
                new RecordObservations(observations, "incidentEvents-in-0", group), traces, clock);
    }

    /** Hands the consumer the raw records: their headers, and where they came from for the parked ones. */
    @Bean
    BatchMessageConverter rawRecordsConverter() {
        BatchMessagingMessageConverter converter = new BatchMessagingMessageConverter();
        converter.setRawRecordHeader(true);
        return converter;
    }

    /**
     * Only a failure of this service's own database reaches the container (undecodable records are
     * parked by the consumer): it redelivers the poll from its first record with backoff up to 10 s, for
     * as long as it takes, instead of the binder's default of a few quick retries and then skipping the
     * records. Every partition of this consumer waits meanwhile, which is right: none could be stored.
     */
    @Bean
    ListenerContainerWithDlqAndRetryCustomizer retryUntilStored() {
        return new ListenerContainerWithDlqAndRetryCustomizer() {
            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                                  BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
                ExponentialBackOff untilStored = new ExponentialBackOff(500, 2.0);
                untilStored.setMaxInterval(10_000);
                container.setCommonErrorHandler(new DefaultErrorHandler(untilStored));
            }

            @Override
            public boolean retryAndDlqInBinding(String destinationName, String group) {
                return false;
            }
        };
    }
}
