package io.sitrep.timeline.ingest;

import io.micrometer.observation.Observation;
import io.sitrep.events.ComponentEvent;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.UndecodableEvent;
import io.sitrep.events.wire.UnknownEventType;
import io.sitrep.support.tracing.RecordObservations;
import io.sitrep.timeline.readmodel.ReadModelsChanged;
import io.sitrep.timeline.readmodel.VersionCheck;
import io.sitrep.timeline.readmodel.persistence.ApplyResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.transaction.TransactionException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The live consumer of the incident events. It takes a whole poll at once: the records are decoded, and
 * the events applied to the current generation in one transaction with their version checks, which
 * also queues them for the live stream of every instance. Each record is observed in a span of its own
 * that continues the trace of its {@code traceparent}, from decoding until its batch is committed.
 *
 * <p>A record that cannot be decoded goes to the dead-letter topic and the others go on. If applying
 * the batch fails for a reason other than the database, its events are applied one by one, and the
 * one that fails goes to the dead-letter topic. Database failures are retried briefly in place, then
 * handed to the container, which redelivers the batch from its first record after a backoff: nothing
 * is skipped while the database is away (events already applied are skipped by their version).
 *
 * <p>After a batch is applied it announces {@link ReadModelsChanged}; the public snapshot only takes note of it and is
 * built on a thread of its own, so nothing that reads or renders runs on the consumer's thread.
 */
public class IncidentEventsConsumer implements Consumer<Message<List<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventsConsumer.class);

    private final EventCodec codec = new EventCodec();
    private final EventApplier applier;
    private final DeadLetters deadLetters;
    private final IngestMetrics metrics;
    private final IngestSettings settings;
    private final LastApplied lastApplied;
    private final RecordObservations observations;
    private final ApplicationEventPublisher changes;

    IncidentEventsConsumer(EventApplier applier, DeadLetters deadLetters, IngestMetrics metrics, IngestSettings settings,
                           LastApplied lastApplied, RecordObservations observations, ApplicationEventPublisher changes) {
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.settings = settings;
        this.lastApplied = lastApplied;
        this.observations = observations;
        this.changes = changes;
    }

    @Override
    public void accept(Message<List<byte[]>> message) {
        List<ConsumerRecord<String, byte[]>> records = records(message);
        List<Observation> observed = new ArrayList<>(records.size());
        try {
            List<ConsumedEvent> events = new ArrayList<>(records.size());
            List<Observation> eventObservations = new ArrayList<>(records.size());
            Map<String, RecordPosition> positions = new LinkedHashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                positions.put(record.topic() + "-" + record.partition(), new RecordPosition(record.topic(), record.partition(), record.offset()));
                Observation observation = observations.start(record);
                observed.add(observation);
                ConsumedEvent event = observation.scoped(() -> decode(record));
                if (event != null) {
                    events.add(event);
                    eventObservations.add(observation);
                }
            }
            if (!events.isEmpty()) {
                apply(events, eventObservations, List.copyOf(positions.values()));
                announce();
            }
        } catch (RuntimeException e) {
            observed.forEach(observation -> observation.error(e));
            // The database, or a dead letter the broker did not take: redeliver the batch from its first record.
            throw new BatchListenerFailedException("the batch was not applied; it is redelivered", e, 0);
        } finally {
            observed.forEach(Observation::stop);
        }
    }

    /** Tells the in-process views of the read models that they may have changed; never fails the batch. */
    private void announce() {
        try {
            changes.publishEvent(new ReadModelsChanged("batch"));
        } catch (RuntimeException e) {
            log.warn("Announcing an applied batch failed; the views catch up at their next refresh: {}", e.toString());
        }
    }

    /** True for the events these read models are made of: incident, component and maintenance events. */
    public static boolean appliesTo(SitrepEvent event) {
        return event instanceof IncidentEvent || event instanceof ComponentEvent || event instanceof MaintenanceEvent;
    }

    /** The record's event; null when it was dead-lettered or is not for these read models. */
    private ConsumedEvent decode(ConsumerRecord<String, byte[]> record) {
        SitrepEvent event;
        try {
            event = codec.decode(headers(record), record.value());
        } catch (UndecodableEvent e) {
            String error = e instanceof UnknownEventType ? "unknown-event-type" : "malformed-event";
            log.warn("Dead-lettering {}-{}@{} ({}): {}", record.topic(), record.partition(), record.offset(), error, e.getMessage());
            deadLetters.send(record, error, e.getMessage());
            metrics.count("dead_lettered");
            return null;
        }
        if (!appliesTo(event)) {
            // A valid event of another aggregate: not for these read models.
            metrics.count("ignored");
            return null;
        }
        return new ConsumedEvent(event, record);
    }

    private void apply(List<ConsumedEvent> events, List<Observation> observations, List<RecordPosition> positions) {
        List<ApplyResult> results;
        try {
            results = applyWithTransientRetries(events, positions);
        } catch (DataAccessException | TransactionException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Applying a batch of {} events failed ({}); applying them one by one", events.size(), e.toString());
            applyOneByOne(events, observations);
            return;
        }
        for (int i = 0; i < events.size(); i++) {
            ConsumedEvent consumed = events.get(i);
            ApplyResult result = results.get(i);
            observations.get(i).scoped(() -> counted(consumed, result));
        }
    }

    /** After a failure that was not the database's: each event in a transaction of its own, dead-lettering the one at fault. */
    private void applyOneByOne(List<ConsumedEvent> events, List<Observation> observations) {
        for (int i = 0; i < events.size(); i++) {
            ConsumedEvent consumed = events.get(i);
            observations.get(i).scoped(() -> {
                ApplyResult result;
                try {
                    result = applyWithTransientRetries(List.of(consumed), List.of(consumed.position())).get(0);
                } catch (DataAccessException | TransactionException e) {
                    throw e;
                } catch (RuntimeException e) {
                    SitrepEvent event = consumed.event();
                    log.error("Dead-lettering {} ({} {}): applying it failed", consumed.position(), event.type().wireName(),
                            event.eventId(), e);
                    deadLetters.send(consumed.record(), "apply-failed", e.getClass().getSimpleName() + ": " + e.getMessage());
                    metrics.count("dead_lettered");
                    return;
                }
                counted(consumed, result);
            });
        }
    }

    private void counted(ConsumedEvent consumed, ApplyResult result) {
        SitrepEvent event = consumed.event();
        VersionCheck check = result.check();
        if (!check.applies()) {
            metrics.count("skipped");
            return;
        }
        metrics.committed(event.publishedAt());
        metrics.count(check == VersionCheck.APPLY ? "applied" : "gap");
        if (result.gap() != null) {
            log.warn("Version gap on {} {}: expected version {}, applied {} ({})", result.gap().aggregateType(),
                    event.aggregateId(), result.gap().expectedVersion(), event.version(), consumed.position());
        }
        lastApplied.set(event, Instant.now());
    }

    private List<ApplyResult> applyWithTransientRetries(List<ConsumedEvent> events, List<RecordPosition> positions) {
        long pause = settings.transientRetryBackoff().toMillis();
        for (int attempt = 0; ; attempt++) {
            try {
                return applier.applyLive(events, positions);
            } catch (TransientDataAccessException | RecoverableDataAccessException e) {
                if (attempt >= settings.transientRetries()) {
                    throw e;
                }
                log.debug("Transient database error applying {} events, retrying in {} ms: {}", events.size(), pause, e.getMessage());
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
    private static List<ConsumerRecord<String, byte[]>> records(Message<List<byte[]>> message) {
        Object raw = message.getHeaders().get(KafkaHeaders.RAW_DATA);
        if (raw instanceof List<?> list && list.stream().allMatch(ConsumerRecord.class::isInstance)) {
            return (List<ConsumerRecord<String, byte[]>>) list;
        }
        throw new IllegalStateException("the binding must carry the raw records (" + KafkaHeaders.RAW_DATA
                + "); is the converter 'rawRecordsConverter' configured and the binding in batch mode?");
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
