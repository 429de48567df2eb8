package io.sitrep.notification.intake;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.wire.CloudEventHeaders;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.UndecodableEvent;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.delivery.Deliveries;
import io.sitrep.notification.delivery.DispatchSignal;
import io.sitrep.notification.delivery.HandOff;
import io.sitrep.support.consumer.BatchConsumer;
import io.sitrep.support.consumer.RecordFailure;
import io.sitrep.support.tracing.RecordObservations;
import io.sitrep.support.tracing.Traces;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What the consumer does with a poll: one fan-out for its events, and which record it names at fault for the recoverer to park. */
class IncidentEventConsumerTest {

    private final EventCodec codec = new EventCodec();
    private final Fanout fanout = mock(Fanout.class);
    private final ParkedRecords parked = mock(ParkedRecords.class);
    private final DispatchSignal signal = new DispatchSignal();
    private final IncidentEventConsumer steps = new IncidentEventConsumer(codec, fanout, parked, signal,
            new HandOff(0, signal, mock(Deliveries.class)), new SimpleMeterRegistry(), Traces.none(), Clock.systemUTC());
    private final BatchConsumer<Object, Fanout.Incoming> consumer = new BatchConsumer<>(
            new RecordObservations(ObservationRegistry.NOOP, "incidentEvents-in-0", "group"), steps);
    private final IncidentOpened opened = Incidents.opened("api", Impact.MAJOR);
    private final IncidentOpened other = Incidents.opened("web", Impact.MINOR);

    @Test
    void aPollFansOutInOneCallInRecordOrder() {
        when(fanout.accept(any(), any())).thenReturn(new Fanout.Outcome(List.of(Fanout.Result.ACCEPTED, Fanout.Result.DUPLICATE), 1, Fanout.UnderWay.none()));

        consumer.accept(message(record(0, opened), record(1, other)));

        verify(fanout).accept(argThat(events -> events.stream().map(Fanout.Incoming::event).toList().equals(List.of(opened, other))), any());
        verify(parked, never()).store(any(), any());
    }

    @Test
    void anUnreadableRecordIsNamedForTheRecovererOnceTheEventsBeforeItAreFannedOut() {
        ConsumerRecord<String, byte[]> poison = record(1, "incident.opened", "not json".getBytes(StandardCharsets.UTF_8));
        when(fanout.accept(any(), any())).thenReturn(new Fanout.Outcome(List.of(Fanout.Result.ACCEPTED), 1, Fanout.UnderWay.none()));

        assertThatThrownBy(() -> consumer.accept(message(record(0, opened), poison, record(2, other))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(poison);
                    assertThat(e.getCause().getCause().getCause()).isInstanceOf(UndecodableEvent.class);
                });

        verify(fanout).accept(argThat(events -> events.stream().map(Fanout.Incoming::event).toList().equals(List.of(opened))), any());
        verify(parked, never()).store(any(), any());
    }

    @Test
    void aDatabaseFailureHandsThePollBackFromItsFirstRecordAndParksNothing() {
        ConsumerRecord<String, byte[]> first = record(0, opened);
        when(fanout.accept(any(), any())).thenThrow(new DataAccessResourceFailureException("gone"));

        assertThatThrownBy(() -> consumer.accept(message(first, record(1, other))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getRecord()).isSameAs(first))
                .hasCauseInstanceOf(DataAccessResourceFailureException.class);
        verify(parked, never()).store(any(), any());
    }

    @Test
    void whenAPollFailsForAnotherReasonTheEventAtFaultIsNamedOnceThoseBeforeItAreFannedOut() {
        ConsumerRecord<String, byte[]> faulty = record(1, other);
        when(fanout.accept(any(), any())).thenAnswer(call -> {
            List<Fanout.Incoming> events = call.getArgument(0);
            if (events.stream().anyMatch(e -> e.event().equals(other))) {
                throw new IllegalStateException("a bug");
            }
            return new Fanout.Outcome(List.of(Fanout.Result.ACCEPTED), 0, Fanout.UnderWay.none());
        });

        assertThatThrownBy(() -> consumer.accept(message(record(0, opened), faulty)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getRecord()).isSameAs(faulty))
                .hasRootCauseInstanceOf(IllegalStateException.class);

        verify(fanout, times(3)).accept(any(), any());
        verify(parked, never()).store(any(), any());
    }

    @Test
    void theRecovererParksARecordWithItsReason() {
        ConsumerRecord<String, byte[]> poison = record(1, "incident.opened", "not json".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> faulty = record(2, other);

        steps.recover(poison, new RecordFailure.Unreadable("malformed", "not JSON"));
        steps.recover(faulty, new RecordFailure.ProcessingFailed(new IllegalStateException("a bug")));

        verify(parked).store(argThat(list -> list.size() == 1 && list.get(0).record() == poison
                && list.get(0).reason().equals("malformed")), any());
        verify(parked).store(argThat(list -> list.size() == 1 && list.get(0).record() == faulty
                && list.get(0).reason().equals("processing_failed") && list.get(0).detail().contains("a bug")), any());
    }

    private ConsumerRecord<String, byte[]> record(long offset, IncidentOpened event) {
        ConsumerRecord<String, byte[]> record = record(offset, event.type().wireName(), codec.encode(event));
        CloudEventHeaders.of(event, "/sitrep/test").forEach((name, value) -> {
            if (!name.equals(CloudEventHeaders.TYPE)) {
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
            }
        });
        return record;
    }

    private static ConsumerRecord<String, byte[]> record(long offset, String type, byte[] value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("topic", 0, offset, "key", value);
        record.headers().add(new RecordHeader(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    @SafeVarargs
    private static Message<List<byte[]>> message(ConsumerRecord<String, byte[]>... records) {
        List<byte[]> values = Arrays.stream(records).map(ConsumerRecord::value).toList();
        return MessageBuilder.withPayload(values).setHeader(KafkaHeaders.RAW_DATA, List.of(records)).build();
    }
}
