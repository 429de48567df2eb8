package io.sitrep.timeline.ingest;

import io.sitrep.events.ComponentEvent;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.UndecodableEvent;
import io.sitrep.events.wire.UnknownEventType;
import io.sitrep.timeline.readmodel.VersionCheck;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.transaction.TransactionException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The live consumer of the incident events. Each record is decoded and applied to the current
 * generation in one transaction with its version check.
 * The apply also queues the event for the live stream of every instance.
 * A record that cannot be decoded, or whose apply fails for a reason other than the database, goes
 * to the dead-letter topic and the consumer moves on. Database failures are retried briefly in
 * place, then thrown so that the container redelivers the record after a backoff: nothing is skipped
 * while the database is away, and no record ever holds its partition in a loop of its own.
 */
public class IncidentEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventsConsumer.class);

    private final EventCodec codec = new EventCodec();
    private final EventApplier applier;
    private final DeadLetters deadLetters;
    private final IngestMetrics metrics;
    private final IngestSettings settings;
    private final LastApplied lastApplied;

    IncidentEventsConsumer(EventApplier applier, DeadLetters deadLetters, IngestMetrics metrics, IngestSettings settings,
                           LastApplied lastApplied) {
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.settings = settings;
        this.lastApplied = lastApplied;
    }

    @Override
    public void accept(Message<byte[]> message) {
        ConsumerRecord<String, byte[]> record = record(message);
        RecordPosition position = new RecordPosition(record.topic(), record.partition(), record.offset());
        SitrepEvent event;
        try {
            event = codec.decode(headers(record), record.value());
        } catch (UndecodableEvent e) {
            String error = e instanceof UnknownEventType ? "unknown-event-type" : "malformed-event";
            log.warn("Dead-lettering {} ({}): {}", position, error, e.getMessage());
            deadLetters.send(record, error, e.getMessage());
            metrics.count("dead_lettered");
            return;
        }
        if (!appliesTo(event)) {
            // A valid event of another aggregate: not for these read models.
            metrics.count("ignored");
            return;
        }
        LiveOutcome outcome;
        try {
            outcome = applyWithTransientRetries(event, position);
        } catch (DataAccessException | TransactionException e) {
            // The database, not the event: let the container redeliver after a backoff.
            throw e;
        } catch (RuntimeException e) {
            log.error("Dead-lettering {} ({} {}): applying it failed", position, event.type().wireName(), event.eventId(), e);
            deadLetters.send(record, "apply-failed", e.getClass().getSimpleName() + ": " + e.getMessage());
            metrics.count("dead_lettered");
            return;
        }
        VersionCheck check = outcome.result().check();
        if (check.applies()) {
            metrics.committed(event.publishedAt());
            metrics.count(check == VersionCheck.APPLY ? "applied" : "gap");
            if (outcome.result().gap() != null) {
                log.warn("Version gap on {} {}: expected version {}, applied {} ({})", outcome.result().gap().aggregateType(),
                        event.aggregateId(), outcome.result().gap().expectedVersion(), event.version(), position);
            }
            lastApplied.set(event, Instant.now());
        } else {
            metrics.count("skipped");
        }
    }

    /** True for the events these read models are made of: incident and component events. */
    public static boolean appliesTo(SitrepEvent event) {
        return event instanceof IncidentEvent || event instanceof ComponentEvent;
    }

    private LiveOutcome applyWithTransientRetries(SitrepEvent event, RecordPosition position) {
        long pause = settings.transientRetryBackoff().toMillis();
        for (int attempt = 0; ; attempt++) {
            try {
                return applier.applyLive(event, position);
            } catch (TransientDataAccessException | RecoverableDataAccessException e) {
                if (attempt >= settings.transientRetries()) {
                    throw e;
                }
                log.debug("Transient database error applying {}, retrying in {} ms: {}", position, pause, e.getMessage());
                pauseFor(pause);
                pause *= 2;
            }
        }
    }

    private static void pauseFor(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, byte[]> record(Message<byte[]> message) {
        Object raw = message.getHeaders().get(KafkaHeaders.RAW_DATA);
        if (raw instanceof ConsumerRecord<?, ?> record) {
            return (ConsumerRecord<String, byte[]>) record;
        }
        throw new IllegalStateException("the binding must carry the raw record (" + KafkaHeaders.RAW_DATA
                + "); is the converter 'rawRecordConverter' configured?");
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }
}
