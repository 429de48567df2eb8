package io.sitrep.support.outbox;

import io.sitrep.events.wire.EventCodec;
import io.sitrep.support.tracing.Traces;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * Wires the outbox: the codec, the topic, the relay and their health. A service that publishes
 * events imports it and sets {@code sitrep.outbox.topic} and {@code sitrep.outbox.source}; its
 * Flyway migrations create the {@code outbox} table (with its nullable {@code traceparent} and
 * {@code tracestate} columns) and its notify trigger.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxSettings.class)
public class OutboxConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, EventCodec codec, ObjectProvider<Traces> traces) {
        return new Outbox(jdbc, codec, traces.getIfAvailable(Traces::none));
    }

    @Bean
    OutboxMetrics outboxMetrics(MeterRegistry registry, JdbcClient jdbc) {
        return new OutboxMetrics(registry, jdbc);
    }

    @Bean
    NewTopic outboxTopic(OutboxSettings settings) {
        long retention = settings.topicRetention().isZero() ? -1 : settings.topicRetention().toMillis();
        return TopicBuilder.name(settings.topic())
                .partitions(settings.topicPartitions())
                .replicas(settings.topicReplicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention))
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "sitrep.outbox.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactionManager,
                            KafkaTemplate<String, byte[]> kafka, OutboxSettings settings, OutboxMetrics metrics,
                            KafkaAdmin admin, NewTopic outboxTopic) {
        return new OutboxRelay(dataSource, jdbc, new TransactionTemplate(transactionManager), kafka, settings, metrics,
                () -> admin.createOrModifyTopics(outboxTopic));
    }

    @Bean(destroyMethod = "close")
    AdminClient healthAdminClient(KafkaAdmin admin) {
        return AdminClient.create(admin.getConfigurationProperties());
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(AdminClient healthAdminClient) {
        return new KafkaHealthIndicator(healthAdminClient);
    }

    @Bean
    OutboxHealthIndicator outboxHealthIndicator(OutboxMetrics metrics, ObjectProvider<OutboxRelay> relay) {
        return new OutboxHealthIndicator(metrics, relay.getIfAvailable());
    }
}
