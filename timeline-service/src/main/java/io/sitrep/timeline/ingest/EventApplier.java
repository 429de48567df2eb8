package io.sitrep.timeline.ingest;

import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.timeline.readmodel.VersionCheck;
import io.sitrep.timeline.readmodel.persistence.ApplyResult;
import io.sitrep.timeline.readmodel.persistence.ReadModelWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Applies events to the read models, one transaction per live event or per rebuild batch. */
@Service
public class EventApplier {

    private final JdbcClient jdbc;
    private final ReadModelWriter writer;
    private final EventCodec codec = new EventCodec();

    EventApplier(JdbcClient jdbc, ReadModelWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    /**
     * Applies an event from the live consumer to the current generation, records how far the consumer
     * got in its partition, and queues the event for the live stream, in one transaction. The current
     * generation is held {@code FOR SHARE} until commit, so a rebuild cannot switch generations under it.
     * An event at the version already applied is queued too (a rebuild may have applied it ahead of this
     * consumer), but an event id is queued once only.
     */
    @Transactional
    public LiveOutcome applyLive(SitrepEvent event, RecordPosition position) {
        long generation = jdbc.sql("SELECT generation FROM current_generation FOR SHARE").query(Long.class).single();
        ApplyResult result = writer.apply(event, generation);
        if (result.check() != VersionCheck.SKIP_OLD) {
            jdbc.sql("INSERT INTO stream_events (event_id, type, data) VALUES (?, ?, ?) ON CONFLICT (event_id) DO NOTHING")
                    .params(event.eventId(), event.type().wireName(), new String(codec.encode(event), StandardCharsets.UTF_8))
                    .update();
        }
        jdbc.sql("""
                        INSERT INTO applied_offsets (topic, partition, next_offset) VALUES (?, ?, ?)
                        ON CONFLICT (topic, partition) DO UPDATE SET next_offset = GREATEST(applied_offsets.next_offset, EXCLUDED.next_offset)""")
                .params(position.topic(), position.partition(), position.offset() + 1)
                .update();
        return new LiveOutcome(result, generation);
    }

    /**
     * Applies a batch of events, in order, to a generation being built, in a transaction of its own
     * even when called within another: once the rebuild has moved past the records, they stay applied.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void applyToGeneration(List<SitrepEvent> events, long generation) {
        for (SitrepEvent event : events) {
            writer.apply(event, generation);
        }
    }
}
