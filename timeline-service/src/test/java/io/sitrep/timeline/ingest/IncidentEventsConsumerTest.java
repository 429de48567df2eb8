package io.sitrep.timeline.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.wire.CloudEventHeaders;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.support.consumer.BatchConsumer;
import io.sitrep.support.consumer.RecordFailure;
import io.sitrep.support.tracing.RecordObservations;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.readmodel.ReadModelsChanged;
import io.sitrep.timeline.readmodel.VersionCheck;
import io.sitrep.timeline.readmodel.persistence.ApplyResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.CannotCreateTransactionException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

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

/** Which record the consumer names for the recoverer to dead-letter, and which failures hand the poll back for redelivery. */
class IncidentEventsConsumerTest {

    private final EventApplier applier = mock(EventApplier.class);
    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final List<Object> announced = new ArrayList<>();
    private final IncidentEventsConsumer steps = steps(announced::add);
    private final BatchConsumer<String, ConsumedEvent> consumer = consumer(steps);
    private final IncidentOpened opened = IncidentStory.of("Unit").open(Impact.MINOR, "Hello.");
    private final IncidentOpened other = IncidentStory.of("Other").open(Impact.MAJOR, "Hello too.");

    @Test
    void aPollIsAppliedInOneCallInRecordOrderWithTheLastPositionOfEachPartition() {
        ConsumerRecord<String, byte[]> first = record(0, 7, "incident.opened", new EventCodec().encode(opened));
        ConsumerRecord<String, byte[]> second = record(1, 3, "incident.opened", new EventCodec().encode(other));
        when(applier.applyLive(any(), any())).thenReturn(List.of(applied(), applied()));

        consumer.accept(message(first, second));

        verify(applier).applyLive(List.of(new ConsumedEvent(opened, first), new ConsumedEvent(other, second)),
                List.of(new RecordPosition("topic", 0, 7L), new RecordPosition("topic", 1, 3L)));
        verify(deadLetters, never()).send(any(), anyString(), anyString());
    }

    @Test
    void anAppliedBatchAnnouncesThatTheReadModelsChangedAndABatchOfNothingDoesNot() {
        when(applier.applyLive(any(), any())).thenReturn(List.of(applied()));

        consumer.accept(message(record(0, 7, "incident.opened", new EventCodec().encode(opened))));
        consumer.accept(message());

        assertThat(announced).containsExactly(ReadModelsChanged.batch(Set.of(opened.eventId())));
    }

    @Test
    void aFailingAnnouncementDoesNotFailTheBatch() {
        when(applier.applyLive(any(), any())).thenReturn(List.of(applied()));
        BatchConsumer<String, ConsumedEvent> announcingFails = consumer(steps(event -> {
            throw new IllegalStateException("no listener today");
        }));

        announcingFails.accept(message(record(0, 7, "incident.opened", new EventCodec().encode(opened))));

        verify(applier).applyLive(any(), any());
    }

    @Test
    void anUndecodableRecordIsNamedForTheRecovererOnceTheEventsBeforeItAreApplied() {
        ConsumerRecord<String, byte[]> first = record(0, 7, "incident.opened", new EventCodec().encode(opened));
        ConsumerRecord<String, byte[]> poison = record(0, 8, "incident.opened", "{oops".getBytes(StandardCharsets.UTF_8));
        when(applier.applyLive(any(), any())).thenReturn(List.of(applied()));

        assertThatThrownBy(() -> consumer.accept(message(first, poison, record(1, 3, "incident.opened", new EventCodec().encode(other)))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getRecord()).isSameAs(poison));

        verify(applier).applyLive(List.of(new ConsumedEvent(opened, first)), List.of(new RecordPosition("topic", 0, 7L)));
        verify(deadLetters, never()).send(any(), anyString(), anyString());
    }

    @Test
    void aTransientDatabaseErrorHandsThePollBackFromItsFirstRecordAtOnceWithoutRetryingOnTheConsumerThread() {
        // issue 17: the consumer retried transient errors in place, sleeping on the consumer thread.
        ConsumerRecord<String, byte[]> first = record(0, 7, "incident.opened", new EventCodec().encode(opened));
        when(applier.applyLive(any(), any())).thenThrow(new CannotAcquireLockException("locked"));

        assertThatThrownBy(() -> consumer.accept(message(first)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getRecord()).isSameAs(first))
                .hasCauseInstanceOf(CannotAcquireLockException.class);
        verify(applier, times(1)).applyLive(any(), any());
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
    void whenABatchFailsForAnotherReasonTheEventAtFaultIsNamedOnceThoseBeforeItAreApplied() {
        ConsumerRecord<String, byte[]> fine = record(0, 7, "incident.opened", new EventCodec().encode(opened));
        ConsumerRecord<String, byte[]> faulty = record(0, 8, "incident.opened", new EventCodec().encode(other));
        when(applier.applyLive(any(), any())).thenAnswer(call -> {
            List<ConsumedEvent> events = call.getArgument(0);
            if (events.stream().anyMatch(e -> e.event().equals(other))) {
                throw new IllegalStateException("a bug");
            }
            return List.of(applied());
        });

        assertThatThrownBy(() -> consumer.accept(message(fine, faulty)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getRecord()).isSameAs(faulty))
                .hasRootCauseInstanceOf(IllegalStateException.class);

        verify(applier).applyLive(List.of(new ConsumedEvent(opened, fine)), List.of(new RecordPosition("topic", 0, 7L)));
        verify(deadLetters, never()).send(any(), anyString(), anyString());
    }

    @Test
    void theRecovererDeadLettersARecordWithItsReason() {
        ConsumerRecord<String, byte[]> poison = record(0, 8, "incident.opened", "{oops".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> faulty = record(0, 9, "incident.opened", new EventCodec().encode(other));

        steps.recover(poison, new RecordFailure.Unreadable("malformed-event", "not JSON"));
        steps.recover(faulty, new RecordFailure.ProcessingFailed(new IllegalStateException("a bug")));

        verify(deadLetters).send(eq(poison), eq("malformed-event"), eq("not JSON"));
        verify(deadLetters).send(eq(faulty), eq("apply-failed"), eq("IllegalStateException: a bug"));
    }

    private IncidentEventsConsumer steps(ApplicationEventPublisher changes) {
        return new IncidentEventsConsumer(applier, deadLetters, new IngestMetrics(new SimpleMeterRegistry(), Clock.systemUTC()),
                new LastApplied(), changes);
    }

    private static BatchConsumer<String, ConsumedEvent> consumer(IncidentEventsConsumer steps) {
        return new BatchConsumer<>(new RecordObservations(ObservationRegistry.NOOP, "incidentEvents-in-0", "group"), steps);
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
