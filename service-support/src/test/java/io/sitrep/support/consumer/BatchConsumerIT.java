package io.sitrep.support.consumer;

import io.micrometer.observation.ObservationRegistry;
import io.sitrep.support.tracing.RecordObservations;
import io.sitrep.testsupport.Infrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.event.ConsumerPausedEvent;
import org.springframework.kafka.event.ConsumerResumedEvent;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The batch consumer and its error handler in a real listener container against the real broker: the record at
 * fault is recovered, the records before and after it are applied exactly once, and a database failure pauses the
 * container rather than the consumer thread.
 */
class BatchConsumerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String topic = "batch-consumer-it-" + UUID.randomUUID();
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private final List<String> recovered = new CopyOnWriteArrayList<>();
    private final List<Object> containerEvents = new CopyOnWriteArrayList<>();
    private final BatchErrorHandlers handlers = new BatchErrorHandlers(
            new ConsumerSettings(new ConsumerSettings.Backoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(400))));
    private KafkaMessageListenerContainer<String, byte[]> container;

    @AfterEach
    void stop() {
        if (container != null) {
            container.stop();
        }
        handlers.close();
    }

    @Test
    void theRecordsAtFaultAreRecoveredAndThoseAroundThemAreAppliedExactlyOnce() throws Exception {
        // issue 17: one way to consume a batch, the failing index named to Spring Kafka's DefaultErrorHandler.
        publish("0", "1", "unreadable", "3", "bug", "5");
        BatchConsumer.Steps<String, String> steps = new BatchConsumer.Steps<>() {
            @Override
            public String decode(ConsumerRecord<String, byte[]> record) {
                String value = new String(record.value(), StandardCharsets.UTF_8);
                if (value.equals("unreadable")) {
                    throw new UnreadableRecord("malformed", "not a number", null);
                }
                return value;
            }

            @Override
            public void apply(List<BatchConsumer.Decoded<String, String>> items, List<ConsumerRecord<String, byte[]>> records) {
                List<String> values = items.stream().map(BatchConsumer.Decoded::item).toList();
                if (values.contains("bug")) {
                    throw new IllegalStateException("cannot apply " + values);
                }
                applied.addAll(values);
            }
        };

        start(steps);

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(recovered).hasSize(2));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(applied).containsExactly("0", "1", "3", "5"));
        assertThat(recovered).containsExactly("unreadable: Unreadable[reason=malformed, detail=not a number]",
                "bug: ProcessingFailed");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(applied).containsExactly("0", "1", "3", "5");
            assertThat(recovered).hasSize(2);
        });
    }

    @Test
    void aDatabaseFailureRedeliversThePollByPausingTheContainerAndSkipsNothing() throws Exception {
        // issue 17: the backoff paused the consumer thread (a sleep); now it pauses the container, which goes on polling.
        publish("0", "1", "2", "3");
        AtomicInteger failures = new AtomicInteger();
        BatchConsumer.Steps<String, String> steps = new BatchConsumer.Steps<>() {
            @Override
            public String decode(ConsumerRecord<String, byte[]> record) {
                return new String(record.value(), StandardCharsets.UTF_8);
            }

            @Override
            public void apply(List<BatchConsumer.Decoded<String, String>> items, List<ConsumerRecord<String, byte[]>> records) {
                List<String> values = items.stream().map(BatchConsumer.Decoded::item).toList();
                if (values.contains("2") && failures.getAndIncrement() < 3) {
                    throw new DataAccessResourceFailureException("the database is away");
                }
                applied.addAll(values);
            }
        };

        start(steps);

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(applied).containsExactly("0", "1", "2", "3"));
        assertThat(failures.get()).isGreaterThanOrEqualTo(3);
        assertThat(recovered).isEmpty();
        assertThat(containerEvents).filteredOn(ConsumerPausedEvent.class::isInstance).hasSizeGreaterThanOrEqualTo(3);
        assertThat(containerEvents).filteredOn(ConsumerResumedEvent.class::isInstance).hasSizeGreaterThanOrEqualTo(3);
    }

    private void start(BatchConsumer.Steps<String, String> steps) {
        BatchConsumer<String, String> consumer = new BatchConsumer<>(new RecordObservations(ObservationRegistry.NOOP, "it", "it"), steps);
        Map<String, Object> properties = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ContainerProperties containerProperties = new ContainerProperties(topic);
        containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
        containerProperties.setMessageListener((BatchMessageListener<String, byte[]>) consumer::consume);
        container = new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(), new ByteArrayDeserializer()), containerProperties);
        container.setCommonErrorHandler(handlers.create(new RecordObservations(ObservationRegistry.NOOP, "it", "it"),
                (record, failure) -> recovered.add(new String((byte[]) record.value(), StandardCharsets.UTF_8) + ": "
                        + (failure instanceof RecordFailure.Unreadable ? failure : failure.getClass().getSimpleName()))));
        container.setApplicationEventPublisher(containerEvents::add);
        container.start();
    }

    private void publish(String... values) throws Exception {
        String servers = Infrastructure.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new ByteArraySerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, "key", value.getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
            }
        }
    }
}
