package io.sitrep.support.outbox;

import io.sitrep.events.EventType;
import io.sitrep.events.wire.CloudEventHeaders;
import io.sitrep.support.path.PathStamps;
import io.sitrep.support.tracing.StoredTrace;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes committed outbox rows to Kafka in id order, then deletes them, on one thread.
 *
 * <p>Each batch runs in a transaction that first takes a PostgreSQL advisory lock, so across any
 * number of instances one batch is in flight at a time: events are neither reordered nor published
 * twice in normal operation. Rows are read by what is committed, not by an id watermark, so a row
 * whose transaction commits late is never skipped. If the process dies between the broker's
 * acknowledgement and the delete, the rows are sent again: a duplicate with the same event id, which
 * consumers detect. The relay wakes on commit through LISTEN/NOTIFY and polls as a fallback.
 *
 * <p>Each record carries the CloudEvents headers and, when the row was written inside a trace, that
 * trace's W3C {@code traceparent} (and {@code tracestate}) header: the consumer's span continues the
 * trace of the request that wrote the event, across the time the row waited in the outbox.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** The advisory lock key: "sitrep-outbox" folded into a long. */
    static final long LOCK_KEY = 0x5173_7265_704f_7574L;
    static final String CHANNEL = "sitrep_outbox";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxSettings settings;
    private final OutboxMetrics metrics;
    private final Runnable ensureTopic;

    private volatile boolean running;
    private boolean topicReady;
    private volatile Thread worker;
    private volatile Instant lastSuccess;
    private volatile String lastError;
    private Connection listener;
    /** When the relay last woke from waiting for a commit (or went on without waiting), for the path stamps of what it reads. */
    private Instant woken = Instant.now();

    public OutboxRelay(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions,
                       KafkaTemplate<String, byte[]> kafka, OutboxSettings settings, OutboxMetrics metrics,
                       Runnable ensureTopic) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = settings;
        this.metrics = metrics;
        this.ensureTopic = ensureTopic;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
        log.info("Outbox relay started: publishing to topic {} in batches of up to {}", settings.topic(), settings.batchSize());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        Thread thread = worker;
        try {
            // The loop notices within one poll interval, publishes what is committed, and ends.
            thread.join(settings.pollInterval().plus(settings.sendTimeout()).toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(settings.sendTimeout().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Outbox relay stopped; {} events left for the next relay", metrics.pending());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stop after the web server (which stops in phase {@code Integer.MAX_VALUE - 2048}), so that
     * requests accepted while it drained are published before the process ends.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    Instant lastSuccess() {
        return lastSuccess;
    }

    String lastError() {
        return lastError;
    }

    private void run() {
        long backoffMillis = 0;
        while (running) {
            try {
                if (!topicReady) {
                    // Create the topic with our partitions and retention before the first send, so a
                    // broker that auto-creates topics never makes it with its own defaults.
                    ensureTopic.run();
                    topicReady = true;
                }
                int published = publishBatch();
                lastSuccess = Instant.now();
                lastError = null;
                backoffMillis = 0;
                if (published < settings.batchSize()) {
                    awaitCommit(settings.pollInterval());
                } else {
                    woken = Instant.now();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | ExecutionException | TimeoutException e) {
                if (!running) {
                    break;
                }
                metrics.errors.increment();
                backoffMillis = Math.min(Math.max(100, backoffMillis * 2), settings.maxBackoff().toMillis());
                lastError = describe(e);
                log.warn("Outbox relay could not publish a batch, retrying in {} ms: {}", backoffMillis, lastError);
                if (!pause(backoffMillis)) {
                    break;
                }
            }
        }
        drain();
        closeListener();
    }

    /** On the way out: publish what committed while the web server drained, unless the broker is failing. */
    private void drain() {
        if (lastError != null || !topicReady || Thread.currentThread().isInterrupted()) {
            return;
        }
        try {
            while (publishBatch() == settings.batchSize()) {
                log.debug("Outbox relay draining before it stops");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            log.warn("Outbox relay could not drain before stopping; the events stay in the outbox: {}", describe(e));
        }
    }

    /** Publishes up to one batch; returns how many rows it published (0 when another relay holds the lock). */
    int publishBatch() throws ExecutionException, TimeoutException, InterruptedException {
        BatchOutcome outcome = transactions.execute(status -> {
            Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked)) {
                return BatchOutcome.ok(0);
            }
            List<Row> rows = jdbc.sql("""
                            SELECT id, event_id, event_type, aggregate_id, occurred_at, payload, traceparent, tracestate
                            FROM outbox ORDER BY id LIMIT ?""")
                    .param(settings.batchSize())
                    .query((rs, n) -> new Row(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                            rs.getString("event_type"), rs.getString("aggregate_id"),
                            rs.getTimestamp("occurred_at").toInstant(), rs.getBytes("payload"),
                            new StoredTrace(rs.getString("traceparent"), rs.getString("tracestate"))))
                    .list();
            if (rows.isEmpty()) {
                return BatchOutcome.ok(0);
            }
            if (PathStamps.enabled()) {
                Instant read = Instant.now();
                rows.forEach(row -> {
                    PathStamps.stamp("relay.woken", row.eventId(), woken);
                    PathStamps.stamp("relay.read", row.eventId(), read);
                });
            }
            try {
                send(rows);
            } catch (ExecutionException | TimeoutException | InterruptedException e) {
                status.setRollbackOnly();
                return BatchOutcome.failed(e);
            }
            rows.forEach(row -> PathStamps.stamp("relay.acked", row.eventId()));
            // The lag is measured on the database's clock alone: insert to the delete that follows the acknowledgement.
            jdbc.sql("DELETE FROM outbox WHERE id = ANY (?) RETURNING extract(epoch FROM clock_timestamp() - created_at)")
                    .param(rows.stream().map(Row::id).toArray(Long[]::new))
                    .query(Double.class)
                    .list()
                    .forEach(seconds -> metrics.publishLag.record(Duration.ofNanos((long) (seconds * 1e9))));
            metrics.published.increment(rows.size());
            return BatchOutcome.ok(rows.size());
        });
        return outcome.orThrow();
    }

    private void send(List<Row> rows) throws ExecutionException, TimeoutException, InterruptedException {
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            EventType type = EventType.fromWireName(row.eventType())
                    .orElseThrow(() -> new IllegalStateException("outbox row " + row.id() + " has unknown type " + row.eventType()));
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic(), row.aggregateId(), row.payload());
            Map<String, String> headers = CloudEventHeaders.of(row.eventId(), type, row.aggregateId(), row.occurredAt(), settings.source());
            headers.putAll(row.trace().headers());
            headers.forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
            sends.add(kafka.send(record));
        }
        kafka.flush();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until an outbox commit is notified or {@code timeout} passes. */
    private void awaitCommit(Duration timeout) throws InterruptedException {
        try {
            if (listener == null) {
                listener = dataSource.getConnection();
                listener.setAutoCommit(true);
                try (Statement statement = listener.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
            }
            listener.unwrap(PGConnection.class).getNotifications((int) timeout.toMillis());
        } catch (SQLException e) {
            closeListener();
            log.debug("Outbox listener failed, falling back to polling: {}", e.getMessage());
            if (!pause(timeout.toMillis())) {
                throw new InterruptedException();
            }
        }
        woken = Instant.now();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    private void closeListener() {
        if (listener != null) {
            try {
                listener.close();
            } catch (SQLException ignored) {
                // The connection is broken already; the pool replaces it.
            }
            listener = null;
        }
    }

    private boolean pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private record Row(long id, UUID eventId, String eventType, String aggregateId, Instant occurredAt, byte[] payload,
                       StoredTrace trace) {
    }

    private record BatchOutcome(int published, Exception failure) {

        static BatchOutcome ok(int published) {
            return new BatchOutcome(published, null);
        }

        static BatchOutcome failed(Exception failure) {
            return new BatchOutcome(0, failure);
        }

        int orThrow() throws ExecutionException, TimeoutException, InterruptedException {
            if (failure instanceof ExecutionException e) {
                throw e;
            }
            if (failure instanceof TimeoutException e) {
                throw e;
            }
            if (failure instanceof InterruptedException e) {
                throw e;
            }
            return published;
        }
    }
}
