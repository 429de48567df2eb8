package io.sitrep.timeline.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.wire.CloudEventHeaders;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.readmodel.VersionCheck;
import io.sitrep.timeline.readmodel.persistence.ApplyResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.CannotCreateTransactionException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Which failures the consumer dead-letters, and which it hands back for redelivery. */
class IncidentEventsConsumerTest {

    private final EventApplier applier = mock(EventApplier.class);
    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final IngestSettings settings = new IngestSettings("topic", "group", "dlt", 1, Duration.ofSeconds(1), 2,
            Duration.ofMillis(1), Duration.ofSeconds(1));
    private final IncidentEventsConsumer consumer = new IncidentEventsConsumer(applier, deadLetters,
            new IngestMetrics(new SimpleMeterRegistry(), Clock.systemUTC()), settings, new LastApplied());
    private final IncidentOpened opened = IncidentStory.of("Unit").open(Impact.MINOR, "Hello.");

    @Test
    void aDecodedEventIsAppliedAtItsPosition() {
        when(applier.applyLive(any(), any())).thenReturn(new LiveOutcome(new ApplyResult(VersionCheck.APPLY, null), 1));

        consumer.accept(message(record("incident.opened", new EventCodec().encode(opened))));

        verify(applier).applyLive(eq(opened), eq(new RecordPosition("topic", 0, 7L)));
        verify(deadLetters, never()).send(any(), anyString(), anyString());
    }

    @Test
    void anUndecodableRecordIsDeadLetteredAndNotApplied() {
        ConsumerRecord<String, byte[]> record = record("incident.opened", "{oops".getBytes(StandardCharsets.UTF_8));

        consumer.accept(message(record));

        verify(deadLetters).send(eq(record), eq("malformed-event"), anyString());
        verify(applier, never()).applyLive(any(), any());
    }

    @Test
    void aTransientDatabaseErrorIsRetriedInPlaceThenHandedBack() {
        when(applier.applyLive(any(), any())).thenThrow(new CannotAcquireLockException("locked"));

        assertThatThrownBy(() -> consumer.accept(message(record("incident.opened", new EventCodec().encode(opened)))))
                .isInstanceOf(CannotAcquireLockException.class);
        verify(applier, times(3)).applyLive(any(), any());
        verify(deadLetters, never()).send(any(), anyString(), anyString());
    }

    @Test
    void anUnreachableDatabaseIsHandedBackForRedeliveryNeverDeadLettered() {
        when(applier.applyLive(any(), any())).thenThrow(new CannotCreateTransactionException("no connection"))
                .thenThrow(new DataAccessResourceFailureException("gone"));
        Message<byte[]> message = message(record("incident.opened", new EventCodec().encode(opened)));

        assertThatThrownBy(() -> consumer.accept(message)).isInstanceOf(CannotCreateTransactionException.class);
        assertThatThrownBy(() -> consumer.accept(message)).isInstanceOf(DataAccessResourceFailureException.class);
        verify(deadLetters, never()).send(any(), anyString(), anyString());
    }

    @Test
    void anApplyThatFailsForAnotherReasonIsDeadLettered() {
        when(applier.applyLive(any(), any())).thenThrow(new IllegalStateException("a bug"));
        ConsumerRecord<String, byte[]> record = record("incident.opened", new EventCodec().encode(opened));

        consumer.accept(message(record));

        verify(deadLetters).send(eq(record), eq("apply-failed"), anyString());
    }

    private static ConsumerRecord<String, byte[]> record(String type, byte[] value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("topic", 0, 7L, "key", value);
        record.headers().add(new RecordHeader(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static Message<byte[]> message(ConsumerRecord<String, byte[]> record) {
        return MessageBuilder.withPayload(record.value()).setHeader(KafkaHeaders.RAW_DATA, record).build();
    }
}
