package io.sitrep.support.consumer;

import io.micrometer.observation.Observation;
import io.sitrep.support.tracing.RecordObservations;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.transaction.TransactionException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One way to consume a poll of a batch binding. Each record is decoded in an observation of its own (a span that
 * continues the trace of its {@code traceparent}); the decoded items are applied together, in one transaction or in
 * steps a redelivery of the poll can resume. A
 * failure is thrown as a {@link BatchListenerFailedException} naming the first record not durably handled, for the
 * error handler of {@link BatchErrorHandlers}: the container commits the offsets before it and polls again from it.
 * <ul>
 * <li>A record that cannot be read ({@link UnreadableRecord}): the records before it are applied first, and it goes
 * to the recoverer at once; the poll resumes after it.</li>
 * <li>A database failure ({@link DataAccessException}, {@link TransactionException}): nothing of the failed apply is
 * kept, and the poll is redelivered from its first record after the backoff, which pauses the container.</li>
 * <li>Any other failure of a batch: its items are applied one by one, and the first that fails alone goes to the
 * recoverer at once; those before it stay applied, those after it are polled again.</li>
 * </ul>
 * A record is therefore applied once unless the process dies between commit and offset commit; consumers make
 * applying twice harmless (seen event ids, versions).
 *
 * @param <K> the records' key type
 * @param <E> what a record decodes to
 */
public final class BatchConsumer<K, E> implements Consumer<Message<List<byte[]>>> {

    /** What a consumer does with its records. */
    public interface Steps<K, E> {

        /**
         * Decodes a record, in its observation's scope.
         *
         * @return the item, or null for a record that is not for this consumer (it is skipped)
         * @throws UnreadableRecord when it cannot be read
         */
        E decode(ConsumerRecord<K, byte[]> record);

        /**
         * Applies items durably, in the order of their records: in one transaction, or in several that leave, should
         * a failure or a crash come between them, what applying the poll again completes.
         *
         * @param items   the decoded items, in order
         * @param records every record the items cover, decoded or skipped
         */
        void apply(List<Decoded<K, E>> items, List<ConsumerRecord<K, byte[]>> records);
    }

    /** A decoded record, with the observation that spans its handling. */
    public record Decoded<K, E>(ConsumerRecord<K, byte[]> record, E item, Observation observation) {
    }

    private static final Logger log = LoggerFactory.getLogger(BatchConsumer.class);

    private final RecordObservations observations;
    private final Steps<K, E> steps;

    public BatchConsumer(RecordObservations observations, Steps<K, E> steps) {
        this.observations = observations;
        this.steps = steps;
    }

    /** Consumes the records of a poll carried in the message's {@link KafkaHeaders#RAW_DATA} header. */
    @Override
    public void accept(Message<List<byte[]>> message) {
        consume(records(message));
    }

    /**
     * Consumes the records of a poll, in their order.
     *
     * @throws BatchListenerFailedException naming the first record that was not durably handled
     */
    public void consume(List<ConsumerRecord<K, byte[]>> records) {
        List<Observation> observed = new ArrayList<>(records.size());
        try {
            List<Decoded<K, E>> decoded = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<K, byte[]> record = records.get(i);
                Observation observation = observations.start(record);
                observed.add(observation);
                E item;
                try {
                    item = observation.scoped(() -> steps.decode(record));
                } catch (UnreadableRecord e) {
                    apply(decoded, records.subList(0, i));
                    throw failed(record, new RecordRejected(new RecordFailure.Unreadable(e.reason(), e.getMessage()), e));
                } catch (RuntimeException e) {
                    if (isDatabase(e)) {
                        throw failed(records.get(0), e);
                    }
                    apply(decoded, records.subList(0, i));
                    throw failed(record, new RecordRejected(new RecordFailure.ProcessingFailed(e), e));
                }
                if (item != null) {
                    decoded.add(new Decoded<>(record, item, observation));
                }
            }
            apply(decoded, records);
        } catch (BatchListenerFailedException e) {
            int from = records.indexOf(e.getRecord());
            for (int i = Math.max(0, from); i < observed.size(); i++) {
                observed.get(i).error(e.getCause());
            }
            throw e;
        } finally {
            observed.forEach(Observation::stop);
        }
    }

    /** Applies the items of the records, together, or one by one after a failure that was not the database's. */
    private void apply(List<Decoded<K, E>> decoded, List<ConsumerRecord<K, byte[]>> records) {
        if (decoded.isEmpty()) {
            return;
        }
        try {
            steps.apply(decoded, records);
            return;
        } catch (RuntimeException e) {
            if (isDatabase(e)) {
                throw failed(records.get(0), e);
            }
            log.warn("Applying a poll of {} records failed ({}); applying them one by one", decoded.size(), e.toString());
        }
        int from = 0;
        for (Decoded<K, E> item : decoded) {
            int to = records.indexOf(item.record()) + 1;
            List<ConsumerRecord<K, byte[]>> covered = records.subList(from, to);
            try {
                item.observation().scoped(() -> steps.apply(List.of(item), covered));
            } catch (RuntimeException e) {
                if (isDatabase(e)) {
                    throw failed(covered.get(0), e);
                }
                log.error("Applying {}-{}@{} failed; it is handed to the recoverer", item.record().topic(), item.record().partition(),
                        item.record().offset(), e);
                throw failed(item.record(), new RecordRejected(new RecordFailure.ProcessingFailed(e), e));
            }
            from = to;
        }
    }

    /** True for a failure of the database: the records are fine, and are redelivered after a pause. */
    static boolean isDatabase(Throwable e) {
        return e instanceof DataAccessException || e instanceof TransactionException;
    }

    private static BatchListenerFailedException failed(ConsumerRecord<?, ?> record, RuntimeException cause) {
        return new BatchListenerFailedException(record.topic() + "-" + record.partition() + "@" + record.offset() + " was not handled",
                cause, record);
    }

    @SuppressWarnings("unchecked")
    private List<ConsumerRecord<K, byte[]>> records(Message<List<byte[]>> message) {
        Object raw = message.getHeaders().get(KafkaHeaders.RAW_DATA);
        if (raw instanceof List<?> list && list.stream().allMatch(ConsumerRecord.class::isInstance)) {
            return (List<ConsumerRecord<K, byte[]>>) list;
        }
        // Not the records' fault: without an index the error handler would retry the whole poll on this thread.
        throw new BatchListenerFailedException("the binding must carry the raw records (" + KafkaHeaders.RAW_DATA
                + "); is a converter with setRawRecordHeader(true) configured and the binding in batch mode?", 0);
    }
}
