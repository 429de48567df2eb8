package io.sitrep.timeline.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.wire.CloudEventHeaders;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.support.tracing.RecordObservations;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.readmodel.ReadModelsChanged;
import io.sitrep.timeline.readmodel.VersionCheck;
import io.sitrep.timeline.readmodel.persistence.ApplyResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.CannotCreateTransactionException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Which failures the consumer dead-letters, and which it hands back for redelivery of the batch. */
class IncidentEventsConsumerTest {

    private final EventApplier applier = mock(EventApplier.class);
    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final IngestSettings settings = new IngestSettings("topic", "group", "dlt", 1, Duration.ofSeconds(1), 2,
            Duration.ofMillis(1), Duration.ofSeconds(1));
    private final List<Object> announced = new ArrayList<>();
    private final IncidentEventsConsumer consumer = new IncidentEventsConsumer(applier, deadLetters,
            new IngestMetrics(new SimpleMeterRegistry(), Clock.systemUTC()), settings, new LastApplied(),
            new RecordObservations(ObservationRegistry.NOOP, "incidentEvents-in-0", "group"), announced::add);
    private final IncidentOpened opened = IncidentStory.of("Unit").open(Impact.MINOR, "Hello.");
    private final IncidentOpened other = IncidentStory.of("Other").open(Impact.MAJOR, "Hello too.");

    @Test
    void aPollIsAppliedInOneCallInRecordOrderWithTheLastPositionOfEachPartition() {
        ConsumerRecord<String, byte[]> first = record(0, 7, "incident.opened", new EventCodec().encode(opened));
        ConsumerRecord<String, byte[]> poison = record(0, 8, "incident.opened", "{oops".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> second = record(1, 3, "incident.opened", new EventCodec().encode(other));
        when(applier.applyLive(any(), any())).thenReturn(List.of(applied(), applied()));

        consumer.accept(message(first, poison, second));

        verify(applier).applyLive(List.of(new ConsumedEvent(opened, first), new ConsumedEvent(other, second)),
                List.of(new RecordPosition("topic", 0, 8L), new RecordPosition("topic", 1, 3L)));
        verify(deadLetters).send(eq(poison), eq("malformed-event"), anyString());
    }

    @Test
    void anAppliedBatchAnnouncesThatTheReadModelsChangedAndABatchOfNothingDoesNot() {
        when(applier.applyLive(any(), any())).thenReturn(List.of(applied()));

        consumer.accept(message(record(0, 7, "incident.opened", new EventCodec().encode(opened))));
        consumer.accept(message(record(0, 8, "incident.opened", "{oops".getBytes(StandardCharsets.UTF_8))));

        assertThat(announced).containsExactly(new ReadModelsChanged("batch"));
    }

    @Test
    void aFailingAnnouncementDoesNotFailTheBatch() {
        when(applier.applyLive(any(), any())).thenReturn(List.of(applied()));
        IncidentEventsConsumer announcingFails = new IncidentEventsConsumer(applier, deadLetters,
                new IngestMetrics(new SimpleMeterRegistry(), Clock.systemUTC()), settings, new LastApplied(),
                new RecordObservations(ObservationRegistry.NOOP, "incidentEvents-in-0", "group"), event -> {
                    throw new IllegalStateException("no listener today");
                });

        announcingFails.accept(message(record(0, 7, "incident.opened", new EventCodec().encode(opened))));

        verify(applier).applyLive(any(), any());
    }

    @Test
    void anUndecodableRecordIsDeadLetteredAndNotApplied() {
        ConsumerRecord<String, byte[]> record = record(0, 7, "incident.opened", "{oops".getBytes(StandardCharsets.UTF_8));

        consumer.accept(message(record));

        verify(deadLetters).send(eq(record), eq("malformed-event"), anyString());
        verify(applier, never()).applyLive(any(), any());
    }

    @Test
    void aTransientDatabaseErrorIsRetriedInPlaceThenTheBatchIsHandedBackFromItsFirstRecord() {
        when(applier.applyLive(any(), any())).thenThrow(new CannotAcquireLockException("locked"));

        assertThatThrownBy(() -> consumer.accept(message(record(0, 7, "incident.opened", new EventCodec().encode(opened)))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isZero())
                .hasCauseInstanceOf(CannotAcquireLockException.class);
        verify(applier, times(3)).applyLive(any(), any());
        verify(deadLetters, never()).send(any(), anyString(), anyString());
    }

    @Test
    void anUnreachableDatabaseIsHandedBackForRedeliveryNeverDeadLettered() {
        when(applier.applyLive(any(), any())).thenThrow(new CannotCreateTransactionException("no connection"))
                .thenThrow(new DataAccessResourceFailureException("gone"));
        Message<List<byte[]>> message = message(record(0, 7, "incident.opened", new EventCodec().encode(opened)));

        assertThatThrownBy(() -> consumer.accept(message)).hasCauseInstanceOf(CannotCreateTransactionException.class);
        assertThatThrownBy(() -> consumer.accept(message)).hasCauseInstanceOf(DataAccessResourceFailureException.class);
        verify(deadLetters, never()).send(any(), anyString(), anyString());
    }

    @Test
    void whenABatchFailsForAnotherReasonOnlyTheEventAtFaultIsDeadLettered() {
        ConsumerRecord<String, byte[]> fine = record(0, 7, "incident.opened", new EventCodec().encode(opened));
        ConsumerRecord<String, byte[]> faulty = record(0, 8, "incident.opened", new EventCodec().encode(other));
        when(applier.applyLive(any(), any())).thenAnswer(call -> {
            List<ConsumedEvent> events = call.getArgument(0);
            if (events.stream().anyMatch(e -> e.event().equals(other))) {
                throw new IllegalStateException("a bug");
            }
            return List.of(applied());
        });

        consumer.accept(message(fine, faulty));

        verify(applier).applyLive(List.of(new ConsumedEvent(opened, fine)), List.of(new RecordPosition("topic", 0, 7L)));
        verify(deadLetters).send(eq(faulty), eq("apply-failed"), anyString());
        verify(deadLetters, never()).send(eq(fine), anyString(), anyString());
    }

    private static ApplyResult applied() {
        return new ApplyResult(VersionCheck.APPLY, null);
    }

    private static ConsumerRecord<String, byte[]> record(int partition, long offset, String type, byte[] value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("topic", partition, offset, "key", value);
        record.headers().add(new RecordHeader(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    @SafeVarargs
    private static Message<List<byte[]>> message(ConsumerRecord<String, byte[]>... records) {
        List<byte[]> values = Arrays.stream(records).map(ConsumerRecord::value).toList();
        return MessageBuilder.withPayload(values).setHeader(KafkaHeaders.RAW_DATA, List.of(records)).build();
    }
}
