package io.sitrep.notification.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.UndecodableEvent;
import io.sitrep.events.wire.UnknownEventType;
import io.sitrep.notification.delivery.DispatchSignal;
import io.sitrep.notification.delivery.HandOff;
import io.sitrep.support.consumer.BatchConsumer;
import io.sitrep.support.consumer.RecordFailure;
import io.sitrep.support.consumer.UnreadableRecord;
import io.sitrep.support.path.PathStamps;
import io.sitrep.support.tracing.Traces;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * What notification-service does with the records of {@code sitrep.incident-events}, a poll at a time through
 * {@link BatchConsumer}. It never waits on a receiver: it only writes to this service's database, hands the
 * deliveries born claimed to the dispatcher and wakes it for the others. The poll's events fan out a page of
 * subscriptions per transaction ({@link Fanout}); the deliveries an event creates keep the context of its record's
 * span, which continues the trace of its {@code traceparent}.
 *
 * <p>A record that cannot be decoded (unknown type, malformed data), or that fails to fan out alone for a reason
 * other than the database, is parked in {@code dead_lettered_events} with the reason ({@link #recover}), and the
 * others go on. A database failure redelivers the poll after the backoff ({@code sitrep.consumer.backoff.*}):
 * nothing accepted is lost: what was fanned out already is a duplicate event id that creates nothing, and a fan-out
 * cut short goes on from its cursor.
 */
public class IncidentEventConsumer implements BatchConsumer.Steps<Object, Fanout.Incoming> {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventConsumer.class);

    private final EventCodec codec;
    private final Fanout fanout;
    private final ParkedRecords parkedRecords;
    private final DispatchSignal signal;
    private final HandOff handOff;
    private final MeterRegistry registry;
    private final Traces traces;
    private final Clock clock;

    public IncidentEventConsumer(EventCodec codec, Fanout fanout, ParkedRecords parkedRecords, DispatchSignal signal, HandOff handOff,
                                 MeterRegistry registry, Traces traces, Clock clock) {
        this.codec = codec;
        this.fanout = fanout;
        this.parkedRecords = parkedRecords;
        this.signal = signal;
        this.handOff = handOff;
        this.registry = registry;
        this.traces = traces;
        this.clock = clock;
    }

    @Override
    public Fanout.Incoming decode(ConsumerRecord<Object, byte[]> record) {
        try {
            Fanout.Incoming incoming = new Fanout.Incoming(codec.decode(cloudEventHeaders(record), record.value()), traces.current());
            PathStamps.stamp("intake.polled", incoming.event().eventId());
            return incoming;
        } catch (UndecodableEvent e) {
            throw new UnreadableRecord(e instanceof UnknownEventType ? "unknown_type" : "malformed", e.getMessage(), e);
        }
    }

    @Override
    public void apply(List<BatchConsumer.Decoded<Object, Fanout.Incoming>> items, List<ConsumerRecord<Object, byte[]>> records) {
        Fanout.Outcome outcome = fanOut(items.stream().map(BatchConsumer.Decoded::item).toList());
        for (int i = 0; i < items.size(); i++) {
            count(items.get(i).item().event().type().wireName(), outcome.results().get(i).tag());
        }
    }

    /**
     * Fans out a poll's events, a page of subscriptions per transaction ({@link Fanout}); after each commit, hands the
     * deliveries born claimed to the dispatcher ({@link HandOff}) and wakes it to claim the others, if any. Returns once
     * the fan-out is complete, so that the poll's offsets are committed only then.
     *
     * @return the first transaction's outcome, with every page's deliveries counted
     */
    public Fanout.Outcome fanOut(List<Fanout.Incoming> events) {
        Fanout.Outcome first = inOneLot(lot -> fanout.accept(events, lot), Fanout.Outcome::deliveries);
        // The first page's commit: what its deliveries waited for.
        if (PathStamps.enabled()) {
            events.forEach(incoming -> PathStamps.stamp("fanout.committed", incoming.event().eventId()));
        }
        Fanout.UnderWay underWay = first.underWay();
        int deliveries = first.deliveries();
        int transactions = 1;
        while (!underWay.done()) {
            deliveries += inOneLot(lot -> fanout.proceed(underWay, lot), created -> created);
            transactions++;
        }
        if (transactions > 1 && deliveries > 0) {
            log.info("Fanned out a poll of {} records in {} transactions, a page of subscriptions each: {} deliveries",
                    events.size(), transactions, deliveries);
        }
        return new Fanout.Outcome(first.results(), deliveries, underWay);
    }

    /** Runs one step of a fan-out, its transaction, with a lot of its own: handed over after it committed, else abandoned. */
    private <T> T inOneLot(Function<HandOff.Lot, T> step, ToIntFunction<T> deliveries) {
        HandOff.Lot lot = handOff.lot();
        T outcome;
        try {
            outcome = step.apply(lot);
        } catch (RuntimeException e) {
            lot.abandon();
            throw e;
        }
        if (deliveries.applyAsInt(outcome) > lot.handOver(clock.instant())) {
            signal.wake();
        }
        return outcome;
    }

    /** Parks a record the consumer gives up on; should the database fail here, the record is retried, never skipped. */
    public void recover(ConsumerRecord<?, ?> record, RecordFailure failure) {
        Map<String, String> headers = cloudEventHeaders(record);
        ParkedRecords.Parked parked = failure instanceof RecordFailure.Unreadable unreadable
                ? new ParkedRecords.Parked(record, headers, unreadable.reason(), unreadable.detail())
                : new ParkedRecords.Parked(record, headers, "processing_failed", ((RecordFailure.ProcessingFailed) failure).cause().toString());
        parkedRecords.store(List.of(parked), clock.instant());
        log.warn("Parked a record of {}-{}@{}: {} ({})", record.topic(), record.partition(), record.offset(), parked.reason(), parked.detail());
        Counter.builder("sitrep.events.parked").description("Records of sitrep.incident-events that could not be read, by reason")
                .tag("reason", parked.reason()).register(registry).increment();
        count(headers.getOrDefault("ce_type", "none"), "parked");
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
}
