package io.sitrep.timeline.ingest;

import io.sitrep.events.ComponentEvent;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.UndecodableEvent;
import io.sitrep.events.wire.UnknownEventType;
import io.sitrep.support.consumer.BatchConsumer;
import io.sitrep.support.consumer.RecordFailure;
import io.sitrep.support.consumer.UnreadableRecord;
import io.sitrep.timeline.readmodel.ReadModelsChanged;
import io.sitrep.timeline.readmodel.VersionCheck;
import io.sitrep.timeline.readmodel.persistence.ApplyResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the live consumer does with the incident events, a poll at a time through {@link BatchConsumer}: the
 * records are decoded, and the events applied to the current generation in one transaction with their version
 * checks, which also queues them for the live stream of every instance.
 *
 * <p>A record that cannot be decoded, or whose event fails to apply alone for a reason other than the database,
 * goes to the dead-letter topic ({@link #recover}) and the others go on. A database failure redelivers the poll
 * after the backoff ({@code sitrep.consumer.backoff.*}), which pauses the container: nothing is skipped while the
 * database is away (events already applied are skipped by their version).
 *
 * <p>After a batch is applied it announces {@link ReadModelsChanged}; the public snapshot only takes note of it and is
 * built on a thread of its own, so nothing that reads or renders runs on the consumer's thread.
 */
public class IncidentEventsConsumer implements BatchConsumer.Steps<String, ConsumedEvent> {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventsConsumer.class);

    private final EventCodec codec = new EventCodec();
    private final EventApplier applier;
    private final DeadLetters deadLetters;
    private final IngestMetrics metrics;
    private final LastApplied lastApplied;
    private final ApplicationEventPublisher changes;

    IncidentEventsConsumer(EventApplier applier, DeadLetters deadLetters, IngestMetrics metrics, LastApplied lastApplied,
                           ApplicationEventPublisher changes) {
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.lastApplied = lastApplied;
        this.changes = changes;
    }

    /** True for the events these read models are made of: incident, component and maintenance events. */
    public static boolean appliesTo(SitrepEvent event) {
        return event instanceof IncidentEvent || event instanceof ComponentEvent || event instanceof MaintenanceEvent;
    }

    /** The record's event; null when it is not for these read models. */
    @Override
    public ConsumedEvent decode(ConsumerRecord<String, byte[]> record) {
        SitrepEvent event;
        try {
            event = codec.decode(headers(record), record.value());
        } catch (UndecodableEvent e) {
            throw new UnreadableRecord(e instanceof UnknownEventType ? "unknown-event-type" : "malformed-event", e.getMessage(), e);
        }
        if (!appliesTo(event)) {
            // A valid event of another aggregate: not for these read models.
            metrics.count("ignored");
            return null;
        }
        return new ConsumedEvent(event, record);
    }

    @Override
    public void apply(List<BatchConsumer.Decoded<String, ConsumedEvent>> items, List<ConsumerRecord<String, byte[]>> records) {
        Map<String, RecordPosition> positions = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            positions.put(record.topic() + "-" + record.partition(), new RecordPosition(record.topic(), record.partition(), record.offset()));
        }
        List<ApplyResult> results = applier.applyLive(items.stream().map(BatchConsumer.Decoded::item).toList(),
                List.copyOf(positions.values()));
        for (int i = 0; i < items.size(); i++) {
            ConsumedEvent consumed = items.get(i).item();
            ApplyResult result = results.get(i);
            items.get(i).observation().scoped(() -> counted(consumed, result));
        }
        announce(items.stream().map(item -> item.item().event().eventId()).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * Dead-letters a record the consumer gives up on; waits for the broker, so that its offset is committed only once
     * the dead letter is safe, and throws when the broker does not take it (the record is then retried).
     */
    public void recover(ConsumerRecord<?, ?> record, RecordFailure failure) {
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, byte[]> letter = (ConsumerRecord<String, byte[]>) record;
        if (failure instanceof RecordFailure.Unreadable unreadable) {
            log.warn("Dead-lettering {}-{}@{} ({}): {}", record.topic(), record.partition(), record.offset(), unreadable.reason(),
                    unreadable.detail());
            deadLetters.send(letter, unreadable.reason(), unreadable.detail());
        } else {
            Throwable cause = ((RecordFailure.ProcessingFailed) failure).cause();
            log.error("Dead-lettering {}-{}@{}: applying it failed", record.topic(), record.partition(), record.offset(), cause);
            deadLetters.send(letter, "apply-failed", cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        metrics.count("dead_lettered");
    }

    /** Tells the in-process views of the read models that they may have changed; never fails the batch. */
    private void announce(Set<UUID> events) {
        try {
            changes.publishEvent(ReadModelsChanged.batch(events));
        } catch (RuntimeException e) {
            log.warn("Announcing an applied batch failed; the views catch up at their next refresh: {}", e.toString());
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
