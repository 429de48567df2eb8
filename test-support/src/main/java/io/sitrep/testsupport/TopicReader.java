package io.sitrep.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic from its beginning, for assertions on what a service published. Not thread-safe;
 * one per test.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            partitions.clear();
            consumer.partitionsFor(topic, Duration.ofSeconds(5))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            return !partitions.isEmpty();
        });
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** A reader of {@code topic} on the shared broker. */
    public static TopicReader of(String topic) {
        return new TopicReader(Infrastructure.kafka().bootstrapServers(), topic);
    }

    /** Waits until {@code count} records matching {@code filter} have arrived, and returns them in arrival order. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(Predicate<ConsumerRecord<String, byte[]>> filter, int count, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            return matching(filter).size() >= count;
        });
        return matching(filter);
    }

    /** Every record seen so far that matches {@code filter}; polls once more first. */
    public List<ConsumerRecord<String, byte[]>> recordsSoFar(Predicate<ConsumerRecord<String, byte[]>> filter) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return matching(filter);
    }

    private List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> filter) {
        return seen.stream().filter(filter).toList();
    }

    /** Records whose key is {@code key}. */
    public static Predicate<ConsumerRecord<String, byte[]>> keyed(String key) {
        return record -> key.equals(record.key());
    }

    /** The record's headers as strings, last value winning. */
    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
