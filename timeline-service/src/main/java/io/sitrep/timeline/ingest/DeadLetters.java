package io.sitrep.timeline.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a record the consumer cannot use to the dead-letter topic: the original key, value and
 * headers, plus headers saying why and where it came from. Waits for the broker's acknowledgement, so
 * the original offset is committed only once the dead letter is safe.
 */
@Component
public class DeadLetters {

    /** Why: {@code unknown-event-type}, {@code malformed-event} or {@code apply-failed}. */
    public static final String ERROR = "sitrep_dlt_error";
    /** The reason in words. */
    public static final String REASON = "sitrep_dlt_reason";
    public static final String ORIGINAL_TOPIC = "sitrep_dlt_original_topic";
    public static final String ORIGINAL_PARTITION = "sitrep_dlt_original_partition";
    public static final String ORIGINAL_OFFSET = "sitrep_dlt_original_offset";
    /** The consumer group that gave up on the record. */
    public static final String CONSUMER_GROUP = "sitrep_dlt_consumer_group";
    /** When it was dead-lettered, RFC 3339. */
    public static final String FAILED_AT = "sitrep_dlt_failed_at";

    private final KafkaTemplate<String, byte[]> kafka;
    private final IngestSettings settings;
    private final Clock clock;

    DeadLetters(KafkaTemplate<String, byte[]> kafka, IngestSettings settings, Clock clock) {
        this.kafka = kafka;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param error  the kind of failure, e.g. {@code malformed-event}
     * @param reason what was wrong, in words
     * @throws DeadLetterFailed when the broker did not take it in time; the record must then be redelivered
     */
    public void send(ConsumerRecord<String, byte[]> record, String error, String reason) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(settings.deadLetterTopic(), record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith("sitrep_dlt_")) {
                letter.headers().add(header);
            }
        }
        add(letter, ERROR, error);
        add(letter, REASON, reason);
        add(letter, ORIGINAL_TOPIC, record.topic());
        add(letter, ORIGINAL_PARTITION, Integer.toString(record.partition()));
        add(letter, ORIGINAL_OFFSET, Long.toString(record.offset()));
        add(letter, CONSUMER_GROUP, settings.group());
        add(letter, FAILED_AT, clock.instant().toString());
        try {
            kafka.send(letter).get(settings.deadLetterTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterFailed(record, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new DeadLetterFailed(record, e instanceof ExecutionException ? e.getCause() : e);
        }
    }

    private static void add(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The dead-letter topic did not take a record; the consumer redelivers it rather than lose it. */
    public static final class DeadLetterFailed extends RuntimeException {

        DeadLetterFailed(ConsumerRecord<?, ?> record, Throwable cause) {
            super("could not dead-letter " + record.topic() + "-" + record.partition() + "@" + record.offset(), cause);
        }
    }
}
