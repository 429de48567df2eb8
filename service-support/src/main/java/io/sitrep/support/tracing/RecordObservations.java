package io.sitrep.support.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * Observes each record of a batch listener as Spring Kafka observes a record listener's: a consumer
 * span that continues the trace of the record's {@code traceparent} header, named after its topic.
 * Spring Kafka observes record listeners only; a consumer that takes a whole poll at once still owes
 * every record its span (ADR 0007), and the log lines written about a record belong in its trace.
 */
public final class RecordObservations {

    private final ObservationRegistry registry;
    private final String listenerId;
    private final String group;

    /**
     * @param listenerId names the listener in the observation, e.g. the binding's name
     * @param group      the consumer group
     */
    public RecordObservations(ObservationRegistry registry, String listenerId, String group) {
        this.registry = registry;
        this.listenerId = listenerId;
        this.group = group;
    }

    /** Starts the record's observation; the caller opens its scope for work on the record, and stops it. */
    public Observation start(ConsumerRecord<?, ?> record) {
        return KafkaListenerObservation.LISTENER_OBSERVATION.observation(null, DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, listenerId, group, group, () -> null), registry).start();
    }
}
