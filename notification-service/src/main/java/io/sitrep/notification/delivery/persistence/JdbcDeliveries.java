package io.sitrep.notification.delivery.persistence;

import io.sitrep.notification.delivery.AttemptResult;
import io.sitrep.notification.delivery.AttemptTrigger;
import io.sitrep.notification.delivery.Deliveries;
import io.sitrep.notification.delivery.Delivery;
import io.sitrep.notification.delivery.DeliveryId;
import io.sitrep.notification.delivery.DeliveryStatus;
import io.sitrep.notification.delivery.Lease;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.support.tracing.StoredTrace;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stores deliveries and attempts in PostgreSQL. A dispatcher claims due rows under a lease ({@code lease_id},
 * {@code locked_until}); every later change of a claimed row names the lease, so a dispatcher whose
 * lease expired and was taken over cannot overwrite the newer outcome.
 *
 * <p>A delivery keeps the trace context in which it was created (the consumer's span of the event,
 * or the request that asked for a confirmation email), so that its attempts, however much later,
 * continue that trace.
 */
@Repository
class JdbcDeliveries implements Deliveries {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    JdbcDeliveries(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** In one round trip. */
    @Override
    public void insertAll(List<NewDelivery> deliveries, Instant now) {
        if (deliveries.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        batches.batchUpdate("""
                        INSERT INTO deliveries (id, subscription_id, event_id, event_type, endpoint, payload, status,
                                                next_attempt_at, created_at, published_at, traceparent, tracestate)
                        VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)
                        ON CONFLICT (subscription_id, event_id) DO NOTHING""",
                deliveries.stream().map(d -> new Object[] {d.id().value(), d.subscriptionId().value(), d.sending().eventId(),
                        d.sending().eventType(), d.sending().endpoint(), d.sending().payload(), at, at,
                        Timestamp.from(d.sending().publishedAt()), d.sending().trace().traceparent(), d.sending().trace().tracestate()})
                        .toList());
    }

    /**
     * In one statement: no more per endpoint than it has slots free, since more could not start at once, and
     * each one given back costs a write and a delay.
     *
     * <p>The claim goes endpoint by endpoint: the endpoints with deliveries waiting are found by a skip scan
     * of {@code deliveries_due_by_endpoint} (one index probe each), and each endpoint with free slots gives
     * its oldest due deliveries, no more than it has slots, locked where they are found. A claim's cost therefore
     * follows the number of endpoints and slots, never the length of the queue, however much of it belongs to
     * busy endpoints. Every step is an index probe whatever the planner believes about the queue: its statistics
     * change faster than they are gathered, as a queue fills and drains within minutes.
     */
    @Override
    public List<Delivery.Delivering> claimDue(int limit, Map<String, Integer> freeSlots, int slots, int smtpSlots, Instant now, Duration leaseLength) {
        Lease lease = new Lease(UUID.randomUUID(), now.plus(leaseLength));
        return jdbc.sql("""
                        WITH RECURSIVE waiting AS (
                            (SELECT endpoint FROM deliveries WHERE status IN ('pending', 'failed') ORDER BY endpoint LIMIT 1)
                            UNION ALL
                            SELECT (SELECT d.endpoint FROM deliveries d
                                    WHERE d.status IN ('pending', 'failed') AND d.endpoint > w.endpoint
                                    ORDER BY d.endpoint LIMIT 1)
                            FROM waiting w WHERE w.endpoint IS NOT NULL),
                        free AS (
                            SELECT * FROM unnest(?::text[], ?::int[]) AS f(endpoint, slots)),
                        open AS (
                            SELECT w.endpoint, coalesce(f.slots, CASE WHEN w.endpoint = 'smtp' THEN ? ELSE ? END) AS slots
                            FROM waiting w LEFT JOIN free f ON f.endpoint = w.endpoint
                            WHERE w.endpoint IS NOT NULL),
                        claimed AS (
                            SELECT c.id
                            FROM open o CROSS JOIN LATERAL (
                                SELECT d.id, d.next_attempt_at FROM deliveries d
                                WHERE d.endpoint = o.endpoint AND d.status IN ('pending', 'failed') AND d.next_attempt_at <= ?
                                ORDER BY d.next_attempt_at
                                LIMIT o.slots
                                FOR UPDATE SKIP LOCKED) c
                            WHERE o.slots > 0
                            ORDER BY c.next_attempt_at
                            LIMIT ?)
                        UPDATE deliveries d SET status = 'delivering', lease_id = ?, locked_until = ?
                        WHERE d.id = ANY (ARRAY(SELECT id FROM claimed))
                        RETURNING d.id, d.subscription_id, d.event_id, d.event_type, d.endpoint, d.payload, d.attempt_count,
                                  d.round_attempts, d.published_at, d.traceparent, d.tracestate, d.attempt_trigger""")
                .params(freeSlots.keySet().toArray(String[]::new), freeSlots.values().toArray(Integer[]::new),
                        smtpSlots, slots, Timestamp.from(now), limit,
                        lease.id(), Timestamp.from(lease.until()))
                .query((rs, n) -> new Delivery.Delivering(new DeliveryId(rs.getObject("id", UUID.class)),
                        new SubscriptionId(rs.getObject("subscription_id", UUID.class)), rs.getInt("attempt_count"),
                        rs.getInt("round_attempts"),
                        new Delivery.Sending(rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("endpoint"),
                                rs.getBytes("payload"), rs.getTimestamp("published_at").toInstant(),
                                new StoredTrace(rs.getString("traceparent"), rs.getString("tracestate"))),
                        lease, AttemptTrigger.fromWireName(rs.getString("attempt_trigger"))))
                .list();
    }

    /**
     * In one statement. At most those are sent twice, with the same webhook-id. The status written follows
     * {@link Delivery.Delivering#expire}.
     */
    @Override
    public int reclaimExpired(Instant now) {
        return jdbc.sql("""
                        UPDATE deliveries SET status = CASE WHEN round_attempts > 0 THEN 'failed' ELSE 'pending' END,
                                              lease_id = NULL, locked_until = NULL, next_attempt_at = ?
                        WHERE status = 'delivering' AND locked_until < ?""")
                .params(Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    @Override
    public void release(Delivery.Delivering d, Instant nextAttemptAt) {
        jdbc.sql("""
                        UPDATE deliveries SET status = CASE WHEN round_attempts > 0 THEN 'failed' ELSE 'pending' END,
                                              lease_id = NULL, locked_until = NULL, next_attempt_at = ?
                        WHERE id = ? AND lease_id = ?""")
                .params(Timestamp.from(nextAttemptAt), d.id().value(), d.lease().id())
                .update();
    }

    @Override
    public void recordAttempt(Delivery.Delivering d, Instant attemptedAt, AttemptResult result) {
        jdbc.sql("""
                        INSERT INTO delivery_attempts (delivery_id, attempt, attempted_at, status_code, duration_ms, error, trigger,
                                                       response_body)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id().value(), d.attempt(), Timestamp.from(attemptedAt), result.statusCode(), result.duration().toMillis(),
                        truncate(result.error()), d.trigger().wireName(), result.responseBody())
                .update();
    }

    /** In one round trip. */
    @Override
    public void recordAttempts(List<Delivery.Delivering> claimed, List<Instant> attemptedAt, List<AttemptResult> results) {
        List<Object[]> rows = new ArrayList<>(claimed.size());
        for (int i = 0; i < claimed.size(); i++) {
            rows.add(new Object[] {claimed.get(i).id().value(), claimed.get(i).attempt(), Timestamp.from(attemptedAt.get(i)),
                    results.get(i).statusCode(), results.get(i).duration().toMillis(), null, claimed.get(i).trigger().wireName(),
                    results.get(i).responseBody()});
        }
        batches.batchUpdate("""
                        INSERT INTO delivery_attempts (delivery_id, attempt, attempted_at, status_code, duration_ms, error, trigger,
                                                       response_body)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** In one round trip. */
    @Override
    public boolean[] settleDelivered(List<Delivery.Delivered> delivered, List<Delivery.Delivering> claimed) {
        List<Object[]> rows = new ArrayList<>(claimed.size());
        for (int i = 0; i < claimed.size(); i++) {
            rows.add(new Object[] {delivered.get(i).statusCode(), Timestamp.from(delivered.get(i).deliveredAt()), claimed.get(i).id().value(),
                    claimed.get(i).lease().id()});
        }
        int[] counts = batches.batchUpdate("""
                        UPDATE deliveries SET status = 'delivered', attempt_count = attempt_count + 1, round_attempts = round_attempts + 1,
                                              lease_id = NULL, locked_until = NULL, next_attempt_at = NULL, attempt_trigger = 'scheduled',
                                              last_status_code = ?, last_error = NULL, delivered_at = ?
                        WHERE id = ? AND lease_id = ?""", rows);
        boolean[] settled = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            settled[i] = counts[i] == 1;
        }
        return settled;
    }

    @Override
    public boolean settle(Delivery.Delivering d, Delivery next, Instant now) {
        Integer statusCode = null;
        String error = null;
        Instant nextAttemptAt = null;
        if (next instanceof Delivery.Delivered delivered) {
            statusCode = delivered.statusCode();
        } else if (next instanceof Delivery.Failed failed) {
            statusCode = failed.lastStatusCode();
            error = failed.lastError();
            nextAttemptAt = failed.dueAt();
        } else if (next instanceof Delivery.Dead dead) {
            statusCode = dead.lastStatusCode();
            error = dead.lastError();
        } else if (next instanceof Delivery.Cancelled cancelled) {
            statusCode = cancelled.lastStatusCode();
            error = cancelled.reason();
        } else {
            throw new IllegalArgumentException("an attempt cannot leave a delivery " + next.status().wireName());
        }
        String status = next.status().wireName();
        return jdbc.sql("""
                        UPDATE deliveries SET status = ?, attempt_count = ?, round_attempts = ?,
                                              lease_id = NULL, locked_until = NULL, next_attempt_at = ?, attempt_trigger = 'scheduled',
                                              last_status_code = ?, last_error = ?,
                                              delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE delivered_at END,
                                              dead_at = CASE WHEN ? = 'dead' THEN ? ELSE dead_at END
                        WHERE id = ? AND lease_id = ?""")
                .params(status, next.attemptCount(), next.roundAttempts(), nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt),
                        statusCode, truncate(error), status, Timestamp.from(now), status, Timestamp.from(now), d.id().value(), d.lease().id())
                .update() == 1;
    }

    @Override
    public void cancel(Delivery.Delivering d, String reason) {
        jdbc.sql("""
                        UPDATE deliveries SET status = 'cancelled', lease_id = NULL, locked_until = NULL, next_attempt_at = NULL,
                                              last_error = ?
                        WHERE id = ? AND lease_id = ?""")
                .params(reason, d.id().value(), d.lease().id())
                .update();
    }

    @Override
    public boolean hasOpen(SubscriptionId subscriptionId, String eventType) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM deliveries
                                        WHERE subscription_id = ? AND event_type = ? AND status IN ('pending', 'failed', 'delivering'))""")
                .params(subscriptionId.value(), eventType)
                .query(Boolean.class)
                .single();
    }

    @Override
    public int cancelOpen(SubscriptionId subscriptionId, String reason) {
        return jdbc.sql("""
                        UPDATE deliveries SET status = 'cancelled', lease_id = NULL, locked_until = NULL, next_attempt_at = NULL,
                                              last_error = coalesce(last_error, ?)
                        WHERE subscription_id = ? AND status IN ('pending', 'failed', 'delivering')""")
                .params(reason, subscriptionId.value())
                .update();
    }

    /** A delivery being sent loses its lease: its attempt completes, but it is never tried again. */
    @Override
    public int cancelOpenOfIncident(UUID incidentId, String reason) {
        return jdbc.sql("""
                        UPDATE deliveries d SET status = 'cancelled', lease_id = NULL, locked_until = NULL, next_attempt_at = NULL,
                                                last_error = ?
                        FROM seen_events s
                        WHERE s.aggregate_id = ? AND s.event_type LIKE 'incident.%' AND s.event_type <> 'incident.deleted'
                          AND d.event_id = s.event_id AND d.status IN ('pending', 'failed', 'delivering')""")
                .params(reason, incidentId.toString())
                .update();
    }

    @Override
    public int abandonOpen(SubscriptionId subscriptionId, Instant now, String reason) {
        return jdbc.sql("""
                        UPDATE deliveries SET status = 'dead', dead_at = ?, lease_id = NULL, locked_until = NULL, next_attempt_at = NULL,
                                              last_error = coalesce(last_error, ?)
                        WHERE subscription_id = ? AND status IN ('pending', 'failed', 'delivering')""")
                .params(Timestamp.from(now), reason, subscriptionId.value())
                .update();
    }

    /** In one statement. */
    @Override
    public int redrive(SubscriptionId subscription, Instant since, Instant until, boolean dryRun, AttemptTrigger trigger, Instant now) {
        String conditions = """
                s.status = 'active' AND d.status = 'dead'
                  AND (CAST(? AS uuid) IS NULL OR d.subscription_id = ?)
                  AND (CAST(? AS timestamptz) IS NULL OR d.dead_at >= ?)
                  AND (CAST(? AS timestamptz) IS NULL OR d.dead_at < ?)""";
        UUID subscriptionId = subscription == null ? null : subscription.value();
        Timestamp from = since == null ? null : Timestamp.from(since);
        Timestamp to = until == null ? null : Timestamp.from(until);
        if (dryRun) {
            return jdbc.sql("SELECT count(*) FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id WHERE " + conditions)
                    .params(subscriptionId, subscriptionId, from, from, to, to)
                    .query(Integer.class)
                    .single();
        }
        return jdbc.sql("UPDATE deliveries d SET status = 'pending', round_attempts = 0, next_attempt_at = ?, dead_at = NULL, "
                        + "attempt_trigger = ? FROM subscriptions s WHERE d.subscription_id = s.id AND " + conditions)
                .params(Timestamp.from(now), trigger.wireName(), subscriptionId, subscriptionId, from, from, to, to)
                .update();
    }

    @Override
    public List<View> list(SubscriptionId subscriptionId, DeliveryStatus status, int limit) {
        List<View> views = jdbc.sql("""
                        SELECT id, event_id, event_type, status, attempt_count, next_attempt_at, last_status_code, last_error,
                               created_at, delivered_at, dead_at
                        FROM deliveries WHERE subscription_id = ? AND (CAST(? AS text) IS NULL OR status = ?)
                        ORDER BY created_at DESC, id LIMIT ?""")
                .params(subscriptionId.value(), status == null ? null : status.wireName(), status == null ? null : status.wireName(), limit)
                .query((rs, n) -> new View(new DeliveryId(rs.getObject("id", UUID.class)), rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                        DeliveryStatus.fromWireName(rs.getString("status")), rs.getInt("attempt_count"), instant(rs, "next_attempt_at"),
                        (Integer) rs.getObject("last_status_code"), rs.getString("last_error"), instant(rs, "created_at"),
                        instant(rs, "delivered_at"), instant(rs, "dead_at"), new ArrayList<>()))
                .list();
        if (views.isEmpty()) {
            return views;
        }
        Map<UUID, View> byId = new LinkedHashMap<>();
        views.forEach(v -> byId.put(v.id().value(), v));
        jdbc.sql("""
                        SELECT delivery_id, attempt, attempted_at, trigger, status_code, duration_ms, error, response_body
                        FROM delivery_attempts
                        WHERE delivery_id = ANY (?) ORDER BY delivery_id, attempt""")
                .param(byId.keySet().toArray(UUID[]::new))
                .query((rs, n) -> {
                    byId.get(rs.getObject("delivery_id", UUID.class)).attempts().add(new AttemptView(rs.getInt("attempt"),
                            instant(rs, "attempted_at"), AttemptTrigger.fromWireName(rs.getString("trigger")),
                            (Integer) rs.getObject("status_code"), rs.getLong("duration_ms"), rs.getString("error"),
                            rs.getString("response_body")));
                    return null;
                })
                .list();
        return views;
    }

    @Override
    public long countDue(Instant now) {
        return jdbc.sql("SELECT count(*) FROM deliveries WHERE status IN ('pending', 'failed') AND next_attempt_at <= ?")
                .param(Timestamp.from(now)).query(Long.class).single();
    }

    @Override
    public long countDead() {
        return jdbc.sql("SELECT count(*) FROM deliveries WHERE status = 'dead'").query(Long.class).single();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
