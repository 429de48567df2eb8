package io.sitrep.support.outbox;

import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.util.List;

/**
 * Appends events to the outbox table in the caller's transaction. They reach Kafka only if that
 * transaction commits, and then certainly: the relay publishes every committed row.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final EventCodec codec;

    public Outbox(JdbcClient jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    /** Appends the events in order; events of one aggregate must come in version order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(List<? extends SitrepEvent> events) {
        for (SitrepEvent event : events) {
            jdbc.sql("INSERT INTO outbox (event_id, event_type, aggregate_id, occurred_at, payload) VALUES (?, ?, ?, ?, ?)")
                    .params(event.eventId(), event.type().wireName(), event.aggregateId(),
                            Timestamp.from(event.occurredAt()), codec.encode(event))
                    .update();
        }
    }
}
