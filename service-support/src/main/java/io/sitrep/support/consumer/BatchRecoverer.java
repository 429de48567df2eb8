package io.sitrep.support.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Keeps a record the consumer gives up on, durably (a table, a dead-letter topic), before its offset is committed.
 * Throwing says it could not: the record is then retried with the backoff, never skipped.
 */
@FunctionalInterface
public interface BatchRecoverer {

    void recover(ConsumerRecord<?, ?> record, RecordFailure failure);
}
