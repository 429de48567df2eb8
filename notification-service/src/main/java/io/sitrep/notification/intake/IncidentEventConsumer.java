package io.sitrep.notification.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.UndecodableEvent;
import io.sitrep.events.wire.UnknownEventType;
import io.sitrep.notification.delivery.DispatchSignal;
import io.sitrep.support.tracing.RecordObservations;
import io.sitrep.support.tracing.Traces;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.transaction.TransactionException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Handles the records of {@code sitrep.incident-events} a poll at a time. It never waits on a receiver:
 * it only writes to this service's database and wakes the dispatcher. The poll's events fan out in one
 * transaction ({@link Fanout}); each record is observed in a span of its own that continues the trace of
 * its {@code traceparent}, and the deliveries it creates keep that span's context.
 *
 * <p>A record that cannot be decoded (unknown type, malformed data) is parked in
 * {@code dead_lettered_events} with the reason, and the others go on. If the fan-out fails for a reason
 * other than the database, the poll's events fan out again one by one and the one at fault is parked. A
 * database failure is handed to the listener container, which redelivers the poll from its first record
 * with backoff rather than skipping it: nothing accepted is lost, and what was fanned out already is a
 * duplicate event id that creates nothing.
 */
public class IncidentEventConsumer implements Consumer<Message<List<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventConsumer.class);

    private final EventCodec codec;
    private final Fanout fanout;
    private final ParkedRecords parkedRecords;
    private final DispatchSignal signal;
    private final MeterRegistry registry;
    private final RecordObservations observations;
    private final Traces traces;
    private final Clock clock;

    public IncidentEventConsumer(EventCodec codec, Fanout fanout, ParkedRecords parkedRecords, DispatchSignal signal, MeterRegistry registry,
                                 RecordObservations observations, Traces traces, Clock clock) {
        this.codec = codec;
        this.fanout = fanout;
        this.parkedRecords = parkedRecords;
        this.signal = signal;
        this.registry = registry;
        this.observations = observations;
        this.traces = traces;
        this.clock = clock;
    }

    @Override
    public void accept(Message<List<byte[]>> message) {
        List<ConsumerRecord<?, byte[]>> records = records(message);
        List<Observation> observed = new ArrayList<>(records.size());
        try {
            List<Fanout.Incoming> events = new ArrayList<>(records.size());
            List<Observation> eventObservations = new ArrayList<>(records.size());
            List<ConsumerRecord<?, byte[]>> eventRecords = new ArrayList<>(records.size());
            List<ParkedRecords.Parked> parked = new ArrayList<>();
            for (ConsumerRecord<?, byte[]> record : records) {
                Observation observation = observations.start(record);
                observed.add(observation);
                observation.scoped(() -> {
                    Map<String, String> headers = cloudEventHeaders(record);
                    try {
                        events.add(new Fanout.Incoming(codec.decode(headers, record.value()), traces.current()));
                        eventObservations.add(observation);
                        eventRecords.add(record);
                    } catch (UndecodableEvent e) {
                        parked.add(parked(record, headers, e instanceof UnknownEventType ? "unknown_type" : "malformed", e.getMessage()));
                    }
                });
            }
            park(parked);
            if (!events.isEmpty()) {
                fanOut(events, eventObservations, eventRecords);
            }
        } catch (RuntimeException e) {
            observed.forEach(observation -> observation.error(e));
            // The database: redeliver the poll from its first record.
            throw new BatchListenerFailedException("the poll was not stored; it is redelivered", e, 0);
        } finally {
            observed.forEach(Observation::stop);
        }
    }

    private void fanOut(List<Fanout.Incoming> events, List<Observation> observations, List<ConsumerRecord<?, byte[]>> records) {
        Fanout.Outcome outcome;
        try {
            outcome = fanout.accept(events);
        } catch (DataAccessException | TransactionException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Fanning out a poll of {} events failed ({}); fanning them out one by one", events.size(), e.toString());
            fanOutOneByOne(events, observations, records);
            return;
        }
        for (int i = 0; i < events.size(); i++) {
            count(events.get(i).event().type().wireName(), outcome.results().get(i).tag());
        }
        if (outcome.deliveries() > 0) {
            signal.wake();
        }
    }

    /** After a failure that was not the database's: each event in a transaction of its own, parking the one at fault. */
    private void fanOutOneByOne(List<Fanout.Incoming> events, List<Observation> observations, List<ConsumerRecord<?, byte[]>> records) {
        for (int i = 0; i < events.size(); i++) {
            Fanout.Incoming incoming = events.get(i);
            ConsumerRecord<?, byte[]> record = records.get(i);
            observations.get(i).scoped(() -> {
                SitrepEvent event = incoming.event();
                Fanout.Outcome outcome;
                try {
                    outcome = fanout.accept(List.of(incoming));
                } catch (DataAccessException | TransactionException e) {
                    throw e;
                } catch (RuntimeException e) {
                    log.error("Event {} of type {} could not be processed; parked", event.eventId(), event.type().wireName(), e);
                    park(List.of(parked(record, cloudEventHeaders(record), "processing_failed", e.toString())));
                    return;
                }
                if (outcome.deliveries() > 0) {
                    signal.wake();
                }
                count(event.type().wireName(), outcome.results().get(0).tag());
            });
        }
    }

    private ParkedRecords.Parked parked(ConsumerRecord<?, byte[]> record, Map<String, String> headers, String reason, String detail) {
        log.warn("Parked a record of {}-{}@{}: {} ({})", record.topic(), record.partition(), record.offset(), reason, detail);
        return new ParkedRecords.Parked(record, headers, reason, detail);
    }

    private void park(List<ParkedRecords.Parked> parked) {
        if (parked.isEmpty()) {
            return;
        }
        parkedRecords.store(parked, clock.instant());
        for (ParkedRecords.Parked p : parked) {
            Counter.builder("sitrep.events.parked").description("Records of sitrep.incident-events that could not be read, by reason")
                    .tag("reason", p.reason()).register(registry).increment();
            count(p.headers().getOrDefault("ce_type", "none"), "parked");
        }
    }

    private void count(String type, String outcome) {
        Counter.builder("sitrep.events.received").description("Records consumed from sitrep.incident-events, by type and outcome")
                .tag("type", type).tag("outcome", outcome).register(registry).increment();
    }

    /** The CloudEvents headers of the record as text. */
    static Map<String, String> cloudEventHeaders(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if ((header.key().startsWith("ce_") || header.key().equals("content-type")) && header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    @SuppressWarnings("unchecked")
    private static List<ConsumerRecord<?, byte[]>> records(Message<List<byte[]>> message) {
        Object raw = message.getHeaders().get(KafkaHeaders.RAW_DATA);
        if (raw instanceof List<?> list && list.stream().allMatch(ConsumerRecord.class::isInstance)) {
            return (List<ConsumerRecord<?, byte[]>>) list;
        }
        throw new IllegalStateException("the binding must carry the raw records (" + KafkaHeaders.RAW_DATA
                + "); is the converter 'rawRecordsConverter' configured and the binding in batch mode?");
    }
}
