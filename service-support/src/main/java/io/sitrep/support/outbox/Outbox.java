package io.sitrep.support.outbox;

import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.support.path.PathStamps;
import io.sitrep.support.tracing.StoredTrace;
import io.sitrep.support.tracing.Traces;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * Appends events to the outbox table in the caller's transaction. They reach Kafka only if that
 * transaction commits, and then certainly: the relay publishes every committed row. Each row keeps
 * the W3C trace context of the caller's current span, which the relay sends on as the record's
 * {@code traceparent} and {@code tracestate} headers, so consumers continue the caller's trace.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final Traces traces;

    public Outbox(JdbcClient jdbc, EventCodec codec, Traces traces) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.traces = traces;
    }

    /** Appends the events in order; events of one aggregate must come in version order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(List<? extends SitrepEvent> events) {
        StoredTrace trace = traces.current();
        for (SitrepEvent event : events) {
            jdbc.sql("""
                            INSERT INTO outbox (event_id, event_type, aggregate_id, occurred_at, payload, traceparent, tracestate)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(event.eventId(), event.type().wireName(), event.aggregateId(),
                            Timestamp.from(event.occurredAt()), codec.encode(event), trace.traceparent(), trace.tracestate())
                    .update();
        }
        if (PathStamps.enabled()) {
            List<UUID> ids = events.stream().map(SitrepEvent::eventId).toList();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    ids.forEach(id -> PathStamps.stamp("outbox.committed", id));
                }
            });
        }
    }
}
