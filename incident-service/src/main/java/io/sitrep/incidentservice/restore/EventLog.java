package io.sitrep.incidentservice.restore;

import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.UndecodableEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code sitrep.incident-events} with a plain consumer that is assigned every partition and joins no
 * group, so it commits nothing and leaves no trace on the broker: from the beginning (a restore) or the newest
 * records of each partition (the lost-rows check), up to the end offsets taken when it started.
 */
public class EventLog {

    private final KafkaProperties kafka;
    private final String topic;
    private final RestoreSettings settings;
    private final Clock clock;
    private final EventCodec codec = new EventCodec();

    public EventLog(KafkaProperties kafka, String topic, RestoreSettings settings, Clock clock) {
        this.kafka = kafka;
        this.topic = topic;
        this.settings = settings;
        this.clock = clock;
    }

    /** What was read: the events in each partition's order, and how many records did not decode. */
    public record Read(List<SitrepEvent> events, long records, long undecodable) {
    }

    /** Every event from the beginning of the log to its end as it is now. */
    public Read all() {
        return read(0);
    }

    /** At most the newest {@code perPartition} records of each partition. */
    public Read newest(int perPartition) {
        return read(perPartition);
    }

    private Read read(int perPartition) {
        Instant deadline = clock.instant().plus(settings.maxDuration());
        try (KafkaConsumer<String, byte[]> consumer = consumer(perPartition > 0 ? "incident-service-lost-rows-check" : "incident-service-restore")) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                return new Read(List.of(), 0, 0);
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            for (TopicPartition partition : partitions) {
                long from = begin.getOrDefault(partition, 0L);
                if (perPartition > 0) {
                    from = Math.max(from, end.getOrDefault(partition, 0L) - perPartition);
                }
                consumer.seek(partition, from);
            }
            List<SitrepEvent> events = new ArrayList<>();
            long records = 0;
            long undecodable = 0;
            while (remaining(consumer, end) > 0) {
                if (clock.instant().isAfter(deadline)) {
                    throw new IllegalStateException("reading " + topic + " did not finish within " + settings.maxDuration());
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(settings.pollTimeout())) {
                    if (record.offset() >= end.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L)) {
                        continue;
                    }
                    records++;
                    try {
                        events.add(codec.decode(headers(record), record.value()));
                    } catch (UndecodableEvent e) {
                        undecodable++;
                    }
                }
            }
            return new Read(events, records, undecodable);
        }
    }

    private static long remaining(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        long remaining = 0;
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            remaining += Math.max(0, partition.getValue() - consumer.position(partition.getKey()));
        }
        return remaining;
    }

    private KafkaConsumer<String, byte[]> consumer(String clientId) {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }
}
