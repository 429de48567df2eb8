package io.sitrep.testsupport;

import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.CloudEventHeaders;
import io.sitrep.events.wire.EventCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Publishes events to a topic of the shared broker the way incident-service does (CloudEvents
 * binary mode, key = aggregate id), and raw records for poison-pill tests. One per test.
 */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final EventCodec codec = new EventCodec();

    private EventPublisher(String topic) {
        this.topic = topic;
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    public static EventPublisher to(String topic) {
        return new EventPublisher(topic);
    }

    /** Publishes the events in order and waits for the broker to acknowledge each. */
    public void publish(SitrepEvent... events) {
        for (SitrepEvent event : events) {
            send(event.aggregateId(), CloudEventHeaders.of(event, "/sitrep/test"), codec.encode(event));
        }
    }

    /** Publishes a record as given, for records that are not valid events. */
    public void send(String key, Map<String, String> headers, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8))));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
