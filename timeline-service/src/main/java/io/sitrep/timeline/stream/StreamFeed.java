package io.sitrep.timeline.stream;

import org.slf4j.Logger;
import io.sitrep.timeline.readmodel.ReadModelsChanged;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Feeds this instance's stream from {@code stream_events}, where the live consumer of every instance
 * queues what it applies: so each instance streams every event, whichever instance's partitions it
 * came from. Polls every {@code poll-interval} for rows after the last one seen. A row becomes visible
 * at commit, which may come after a row with a higher {@code seq}: the numbers skipped are watched for
 * a minute and streamed if they appear (most never do: a rolled-back or conflicting insert uses up a
 * number too). On start, the last {@code buffer-size} events fill the buffer, so clients can resume
 * across a restart. Also deletes rows older than {@code retention}. When a poll finds events it announces
 * {@link ReadModelsChanged}: this is how an instance learns of what another instance's consumer applied. The events
 * this instance's own consumer applied and announced already are not announced again: every view was asked to read
 * them when their batch committed, and a second read of the same change would be a whole snapshot build for nothing.
 */
class StreamFeed {

    private static final Logger log = LoggerFactory.getLogger(StreamFeed.class);
    /** How long a skipped number is watched: longer than any live apply transaction (bounded by the rebuild's switch timeout). */
    private static final Duration WATCH_SKIPPED = Duration.ofSeconds(60);
    private static final int MAX_WATCHED = 10_000;
    private static final int BATCH = 1_000;
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);
    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("seq"), rs.getString("event_id"), rs.getString("type"),
            rs.getString("data"));

    private final JdbcClient jdbc;
    private final EventStream stream;
    private final StreamSettings settings;
    private final ApplicationEventPublisher changes;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "timeline-stream-feed");
        thread.setDaemon(true);
        return thread;
    });
    /** Numbers skipped over, each with when it was first missed. Only the scheduler's thread touches the state. */
    private final Map<Long, Instant> skipped = new LinkedHashMap<>();
    /**
     * The events this instance's consumer applied and announced, each with when, until the feed finds them: shared with
     * the consumers' threads, so guarded by itself. Kept for as long as a skipped number is watched, since some never
     * reach the feed (an internal incident's events are not streamed); a full map only costs builds announced twice.
     */
    private final Map<String, Instant> announcedHere = new LinkedHashMap<>();
    private long last = -1;
    private Instant lastPrune = Instant.now();

    StreamFeed(JdbcClient jdbc, EventStream stream, StreamSettings settings, ApplicationEventPublisher changes) {
        this.jdbc = jdbc;
        this.stream = stream;
        this.settings = settings;
        this.changes = changes;
    }

    void start() {
        scheduler.scheduleWithFixedDelay(this::poll, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Notes the events a batch of this instance's consumer applied: their views were asked to read them already. */
    @EventListener
    void readModelsChanged(ReadModelsChanged change) {
        if (change.events().isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        synchronized (announcedHere) {
            for (UUID event : change.events()) {
                if (announcedHere.size() >= MAX_WATCHED) {
                    break;
                }
                announcedHere.put(event.toString(), now);
            }
        }
    }

    /** Polls the table once; package-private for tests, otherwise only on the feed's own thread. */
    void poll() {
        try {
            if (last < 0) {
                fillBuffer();
            }
            Instant now = Instant.now();
            forgetAnnouncedBefore(now.minus(WATCH_SKIPPED));
            boolean found = false;
            if (!skipped.isEmpty()) {
                List<Row> late = jdbc.sql("SELECT seq, event_id, type, data FROM stream_events WHERE seq IN (:seqs) ORDER BY seq")
                        .param("seqs", List.copyOf(skipped.keySet()))
                        .query(ROW).list();
                for (Row row : late) {
                    skipped.remove(row.seq());
                    publish(row);
                    found |= !wasAnnouncedHere(row);
                }
                skipped.values().removeIf(missedAt -> missedAt.isBefore(now.minus(WATCH_SKIPPED)));
            }
            List<Row> rows;
            do {
                rows = jdbc.sql("SELECT seq, event_id, type, data FROM stream_events WHERE seq > ? ORDER BY seq LIMIT ?")
                        .params(last, BATCH)
                        .query(ROW).list();
                for (Row row : rows) {
                    for (long missing = last + 1; missing < row.seq() && skipped.size() < MAX_WATCHED; missing++) {
                        skipped.put(missing, now);
                    }
                    publish(row);
                    last = row.seq();
                    found |= !wasAnnouncedHere(row);
                }
            } while (rows.size() == BATCH);
            if (found) {
                changes.publishEvent(new ReadModelsChanged("feed"));
            }
            if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) >= 0) {
                lastPrune = now;
                jdbc.sql("DELETE FROM stream_events WHERE applied_at < ?")
                        .param(OffsetDateTime.ofInstant(now.minus(settings.retention()), ZoneOffset.UTC))
                        .update();
            }
        } catch (RuntimeException e) {
            log.debug("Stream feed poll failed, trying again: {}", e.toString());
        }
    }

    /** Whether this instance's consumer announced the row's event already; forgets it either way. */
    private boolean wasAnnouncedHere(Row row) {
        synchronized (announcedHere) {
            return announcedHere.remove(row.eventId()) != null;
        }
    }

    private void forgetAnnouncedBefore(Instant cutoff) {
        synchronized (announcedHere) {
            // In the order they were noted, so the oldest come first.
            Iterator<Instant> noted = announcedHere.values().iterator();
            while (noted.hasNext() && noted.next().isBefore(cutoff)) {
                noted.remove();
            }
        }
    }

    /** The last events, so clients can resume with Last-Event-ID across a restart of this instance. */
    private void fillBuffer() {
        List<Row> recent = new ArrayList<>(jdbc.sql("SELECT seq, event_id, type, data FROM stream_events ORDER BY seq DESC LIMIT ?")
                .param(settings.bufferSize())
                .query(ROW).list());
        java.util.Collections.reverse(recent);
        recent.forEach(this::publish);
        last = recent.isEmpty() ? 0 : recent.get(recent.size() - 1).seq();
    }

    private void publish(Row row) {
        stream.publish(new StreamEvent(row.eventId(), row.type(), row.data()));
    }

    private record Row(long seq, String eventId, String type, String data) {
    }
}
