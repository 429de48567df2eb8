package io.sitrep.notification.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.notification.delivery.dispatch.DispatchSignal;
import io.sitrep.notification.delivery.persistence.JdbcDeliveries;
import io.sitrep.notification.subscription.persistence.JdbcSubscriptions;
import io.sitrep.notification.webhook.WebhookPayload;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Clock;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** Wires the consumer binding {@code incidentEvents-in-0} (see application.yml) and its error handling. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    Fanout fanout(JdbcClient jdbc, JdbcSubscriptions subscriptions, JdbcDeliveries deliveries, WebhookPayload payloads, Clock clock) {
        return new Fanout(jdbc, subscriptions, deliveries, payloads, clock);
    }

    @Bean
    Consumer<Message<byte[]>> incidentEvents(EventCodec codec, Fanout fanout, JdbcClient jdbc, DispatchSignal signal,
                                             MeterRegistry registry, Clock clock) {
        return new IncidentEventConsumer(codec, fanout, jdbc, signal, registry, clock);
    }

    /**
     * Only a failure of this service's own database reaches the container (undecodable records are
     * parked by the consumer): it retries the same record with backoff up to 10 s, for as long as it
     * takes, instead of the binder's default of a few quick retries and then skipping the record.
     * Every partition of this consumer waits meanwhile, which is right: none could be stored.
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
