package io.sitrep.bench;

import io.sitrep.localstack.LocalStack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What a delivery costs PostgreSQL, read from notification-service's table statistics and the write-ahead log
 * around a burst, and what the JDK's HTTP client alone can post to the same receivers: the ceiling a dispatcher
 * could reach if storing cost nothing.
 */
final class DeliveryCost {

    /** The statistics collector publishes a backend's counts within about 10 s of its going idle. */
    private static final Duration STATISTICS_FLUSH = Duration.ofSeconds(12);

    private DeliveryCost() {
    }

    /** Cumulative counts of the delivery tables and the log position, at one moment. */
    record Snapshot(long inserted, long updated, long heapOnly, long attempts, long walBytes, double claimCalls, double claimMillis) {

        /** What happened between {@code before} and this one, spread over {@code deliveries}. */
        Cost since(Snapshot before, long deliveries, long walAtDone) {
            double n = Math.max(1, deliveries);
            long updates = updated - before.updated;
            double calls = claimCalls - before.claimCalls;
            return new Cost((inserted - before.inserted) / n, updates / n, updates == 0 ? Double.NaN : 100.0 * (heapOnly - before.heapOnly) / updates,
                    (attempts - before.attempts) / n, (walAtDone - before.walBytes) / n,
                    Double.isNaN(calls) || calls <= 0 ? Double.NaN : (claimMillis - before.claimMillis) / calls);
        }
    }

    /** Per delivery: delivery rows inserted and updated, the heap-only share of the updates, attempt rows, WAL bytes; the claim's mean. */
    record Cost(double inserted, double updated, double heapOnlyPercent, double attempts, double walBytes, double claimMeanMillis) {
    }

    /** Waits until every backend has published its counts, then reads them. */
    static Snapshot settledSnapshot(LocalStack stack) {
        LockSupport.parkNanos(STATISTICS_FLUSH.toNanos());
        return snapshot(stack);
    }

    static Snapshot snapshot(LocalStack stack) {
        try (Connection connection = stack.connect("notification"); Statement statement = connection.createStatement()) {
            long inserted = 0;
            long updated = 0;
            long heapOnly = 0;
            long attempts = 0;
            try (ResultSet rs = statement.executeQuery("""
                    SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables
                    WHERE relname IN ('deliveries', 'delivery_attempts')""")) {
                while (rs.next()) {
                    if (rs.getString(1).equals("deliveries")) {
                        inserted = rs.getLong(2);
                        updated = rs.getLong(3);
                        heapOnly = rs.getLong(4);
                    } else {
                        attempts = rs.getLong(2);
                    }
                }
            }
            double[] claims = claimStatements(connection);
            return new Snapshot(inserted, updated, heapOnly, attempts, walBytes(statement), claims[0], claims[1]);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read notification-service's statistics", e);
        }
    }

    /** The log's position in bytes, for the whole cluster (all three services' databases). */
    static long walBytes(LocalStack stack) {
        try (Connection connection = stack.connect("notification"); Statement statement = connection.createStatement()) {
            return walBytes(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the log position", e);
        }
    }

    private static long walBytes(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Calls and total milliseconds of the claim statement, when pg_stat_statements is loaded; NaN otherwise. */
    private static double[] claimStatements(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0) FROM pg_stat_statements
                     WHERE query LIKE '%WITH RECURSIVE%' AND query LIKE '%UPDATE deliveries%'""")) {
            rs.next();
            return new double[] {rs.getDouble(1), rs.getDouble(2)};
        } catch (SQLException notLoaded) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** The mean size of the webhook bodies most recently stored. */
    static int payloadBytes(LocalStack stack) {
        try (Connection connection = stack.connect("notification"); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT coalesce(avg(octet_length(payload)), 0)::int
                     FROM (SELECT payload FROM deliveries ORDER BY created_at DESC LIMIT 1000) recent""")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the deliveries' size", e);
        }
    }

    /**
     * Posts {@code requests} bodies of {@code bodyBytes} round the receivers with the JDK's HTTP client, at most
     * {@code inFlight} at once (the dispatcher's default), and answers the completed requests per second.
     */
    static double httpCeiling(List<WebhookReceiver> receivers, int bodyBytes, int inFlight, long requests) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        byte[] body = new byte[Math.max(1, bodyBytes)];
        Arrays.fill(body, (byte) 'x');
        List<URI> targets = receivers.stream().map(r -> URI.create(r.url())).toList();
        Semaphore permits = new Semaphore(inFlight);
        AtomicLong completed = new AtomicLong();
        long start = System.nanoTime();
        for (long i = 0; i < requests; i++) {
            permits.acquireUninterruptibly();
            HttpRequest request = HttpRequest.newBuilder(targets.get((int) (i % targets.size())))
                    .timeout(Duration.ofSeconds(30))
                    .header("content-type", "application/json")
                    // Headers of the sizes a signed webhook carries.
                    .header("webhook-id", "00000000-0000-0000-0000-000000000000")
                    .header("webhook-timestamp", "1700000000")
                    .header("webhook-signature", "v1," + "A".repeat(44))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            CompletableFuture<HttpResponse<Void>> sent = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            sent.whenComplete((response, failure) -> {
                if (failure == null && response.statusCode() < 300) {
                    completed.incrementAndGet();
                }
                permits.release();
            });
        }
        permits.acquireUninterruptibly(inFlight);
        double seconds = (System.nanoTime() - start) / 1e9;
        return completed.get() / seconds;
    }
}
