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
import org.springframework.transaction.annotation.Transactional;

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
import java.util.Set;
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
    /** Where the next claim's walk of the endpoints starts: after the last endpoint the previous claim reached. */
    private volatile String cursor = "";

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
     * In one statement, whatever their number, returning the ids it created. The lease is written as a claim writes
     * it; the row is otherwise what {@link #insertAll} creates, due now, so that once the lease expires a claim takes
     * it as it stands.
     */
    @Override
    public Set<DeliveryId> insertLeased(List<NewDelivery> deliveries, Lease lease, Instant now) {
        if (deliveries.isEmpty()) {
            return Set.of();
        }
        int n = deliveries.size();
        UUID[] ids = new UUID[n];
        UUID[] subscriptions = new UUID[n];
        UUID[] events = new UUID[n];
        String[] types = new String[n];
        String[] endpoints = new String[n];
        byte[][] payloads = new byte[n][];
        String[] published = new String[n];
        String[] traceparents = new String[n];
        String[] tracestates = new String[n];
        for (int i = 0; i < n; i++) {
            NewDelivery d = deliveries.get(i);
            ids[i] = d.id().value();
            subscriptions[i] = d.subscriptionId().value();
            events[i] = d.sending().eventId();
            types[i] = d.sending().eventType();
            endpoints[i] = d.sending().endpoint();
            payloads[i] = d.sending().payload();
            published[i] = d.sending().publishedAt().toString();
            traceparents[i] = d.sending().trace().traceparent();
            tracestates[i] = d.sending().trace().tracestate();
        }
        Timestamp at = Timestamp.from(now);
        return Set.copyOf(jdbc.sql("""
                        INSERT INTO deliveries (id, subscription_id, event_id, event_type, endpoint, payload, status,
                                                next_attempt_at, created_at, published_at, traceparent, tracestate, lease_id, locked_until)
                        SELECT n.id, n.subscription_id, n.event_id, n.event_type, n.endpoint, n.payload, 'pending', :now, :now,
                               n.published_at, n.traceparent, n.tracestate, :lease, :until
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:subscriptions AS uuid[]), CAST(:events AS uuid[]),
                                    CAST(:types AS text[]), CAST(:endpoints AS text[]), CAST(:payloads AS bytea[]),
                                    CAST(:published AS timestamptz[]), CAST(:traceparents AS text[]), CAST(:tracestates AS text[]))
                             AS n(id, subscription_id, event_id, event_type, endpoint, payload, published_at, traceparent, tracestate)
                        ON CONFLICT (subscription_id, event_id) DO NOTHING
                        RETURNING id""")
                .param("ids", ids)
                .param("subscriptions", subscriptions)
                .param("events", events)
                .param("types", types)
                .param("endpoints", endpoints)
                .param("payloads", payloads)
                .param("published", published)
                .param("traceparents", traceparents)
                .param("tracestates", tracestates)
                .param("now", at)
                .param("lease", lease.id())
                .param("until", Timestamp.from(lease.until()))
                .query((rs, i) -> new DeliveryId(rs.getObject("id", UUID.class)))
                .list());
    }

    /**
     * In one statement: no more per endpoint than it has slots free, since more could not start at once, and
     * each one given back costs a write and a delay.
     *
     * <p>The claim goes endpoint by endpoint: the endpoints with deliveries waiting are found by a skip scan
     * of {@code deliveries_due_by_endpoint} (one index probe each), starting after the last endpoint the previous
     * claim reached and wrapping round; it stops at the {@code limit}-th endpoint with something due and free
     * slots, and those endpoints give their oldest due deliveries, no more than they have slots. The oldest of
     * these are locked and leased. A claim's cost therefore follows its limit and the endpoints' slots, never the
     * length of the queue nor the number of endpoints; with fewer endpoints waiting than the limit, each claim
     * sees all of them and takes the longest waiting first. Every step is an index probe whatever the planner
     * believes about the queue: its statistics change faster than they are gathered, as a queue fills and drains
     * within minutes.
     *
     * <p>The lease is the only thing written: {@code lease_id} and {@code locked_until} are in no index, so the
     * update is heap-only (ADR 0019). A delivery being sent thus stays in the due index, kept out of other claims
     * by its lease until that expires; then a claim takes it again, with no sweep.
     */
    @Override
    @Transactional
    public List<Delivery.Delivering> claimDue(int limit, Map<String, Integer> freeSlots, int slots, int smtpSlots, Instant now, Duration leaseLength) {
        // The statement is written for the index and TID probes below; the planner's estimates, which follow statistics
        // gathered at whatever size the queue had then, or no parameter values at all in a generic plan, once made a
        // scan of the whole table cheaper on paper (a sequential scan for the rows to lease, a bitmap scan and a sort
        // for the walk's first step). For this statement's transaction only, neither is on offer.
        jdbc.sql("SELECT set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true)").query().listOfRows();
        Lease lease = new Lease(UUID.randomUUID(), now.plus(leaseLength));
        Timestamp at = Timestamp.from(now);
        String after = cursor;
        String[] endpoints = freeSlots.keySet().toArray(String[]::new);
        Integer[] free = freeSlots.values().toArray(Integer[]::new);
        // Every step is written so that only deliveries_due_by_endpoint or a TID scan can serve it, whatever the
        // planner's estimates: an endpoint's oldest due deliveries are gathered in the walk itself, by a lateral
        // subquery in the index's order whose aggregate keeps it from being flattened into a join (an EXISTS becomes a
        // semi-join the planner is free to make a scan of the queue), and whether the endpoint has anything due is
        // whether that found any, so one probe of the index serves both; the lock re-checks
        // the state as "not settled", which no partial index's predicate follows from; and the rows to lock and lease
        // are named by their ctid, a TID scan, since a table last analysed while nearly empty made a lookup by id a
        // sequential scan of the table. A row updated meanwhile has another ctid and is skipped, like a locked one.
        List<ClaimedRow> rows = jdbc.sql("""
                        WITH RECURSIVE onward AS (
                            (SELECT endpoint FROM deliveries WHERE status IN ('pending', 'failed') AND endpoint > :after
                             ORDER BY endpoint LIMIT 1)
                            UNION ALL
                            SELECT (SELECT d.endpoint FROM deliveries d
                                    WHERE d.status IN ('pending', 'failed') AND d.endpoint > w.endpoint
                                    ORDER BY d.endpoint LIMIT 1)
                            FROM onward w WHERE w.endpoint IS NOT NULL),
                        wrapped AS (
                            (SELECT endpoint FROM deliveries WHERE status IN ('pending', 'failed') ORDER BY endpoint LIMIT 1)
                            UNION ALL
                            SELECT (SELECT d.endpoint FROM deliveries d
                                    WHERE d.status IN ('pending', 'failed') AND d.endpoint > w.endpoint AND d.endpoint <= :after
                                    ORDER BY d.endpoint LIMIT 1)
                            FROM wrapped w WHERE w.endpoint IS NOT NULL AND w.endpoint <= :after),
                        walk AS (
                            SELECT endpoint, 1 AS lap FROM onward WHERE endpoint IS NOT NULL
                            UNION ALL
                            SELECT endpoint, 2 AS lap FROM wrapped WHERE endpoint IS NOT NULL AND endpoint <= :after),
                        open AS (
                            SELECT w.endpoint, w.lap, c.tids, c.dues
                            FROM walk w CROSS JOIN LATERAL (
                                SELECT coalesce((CAST(:free AS int[]))[array_position(CAST(:endpoints AS text[]), w.endpoint)],
                                                CASE WHEN w.endpoint = 'smtp' THEN :smtpSlots ELSE :slots END) AS slots) s
                            CROSS JOIN LATERAL (
                                SELECT array_agg(oldest.tid) AS tids, array_agg(oldest.next_attempt_at) AS dues
                                FROM (SELECT d.ctid AS tid, d.next_attempt_at FROM deliveries d
                                      WHERE d.endpoint = w.endpoint AND d.status IN ('pending', 'failed') AND d.next_attempt_at <= :now
                                        AND (d.locked_until IS NULL OR d.locked_until < :now)
                                      ORDER BY d.next_attempt_at
                                      LIMIT greatest(s.slots, 0)) oldest) c
                            WHERE s.slots > 0 AND c.tids IS NOT NULL
                            LIMIT :limit),
                        candidates AS (
                            SELECT c.tid
                            FROM open o CROSS JOIN LATERAL unnest(o.tids, o.dues) AS c(tid, next_attempt_at)
                            ORDER BY c.next_attempt_at
                            LIMIT :limit),
                        claimed AS (
                            SELECT d.ctid AS tid FROM deliveries d
                            WHERE d.ctid = ANY (ARRAY(SELECT tid FROM candidates)) AND d.status NOT IN ('delivered', 'dead', 'cancelled')
                              AND (d.locked_until IS NULL OR d.locked_until < :now)
                            FOR UPDATE SKIP LOCKED)
                        UPDATE deliveries d SET lease_id = :lease, locked_until = :until
                        WHERE d.ctid = ANY (ARRAY(SELECT tid FROM claimed))
                        RETURNING d.id, d.subscription_id, d.event_id, d.event_type, d.endpoint, d.payload, d.attempt_count,
                                  d.round_attempts, d.published_at, d.traceparent, d.tracestate, d.attempt_trigger,
                                  (SELECT count(*) FROM open) AS reached,
                                  (SELECT o.endpoint FROM open o ORDER BY o.lap DESC, o.endpoint DESC LIMIT 1) AS last_reached""")
                .param("after", after)
                .param("free", free)
                .param("endpoints", endpoints)
                .param("smtpSlots", smtpSlots)
                .param("slots", slots)
                .param("now", at)
                .param("limit", limit)
                .param("lease", lease.id())
                .param("until", Timestamp.from(lease.until()))
                .query((rs, n) -> new ClaimedRow(new Delivery.Delivering(new DeliveryId(rs.getObject("id", UUID.class)),
                        new SubscriptionId(rs.getObject("subscription_id", UUID.class)), rs.getInt("attempt_count"),
                        rs.getInt("round_attempts"),
                        new Delivery.Sending(rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("endpoint"),
                                rs.getBytes("payload"), rs.getTimestamp("published_at").toInstant(),
                                new StoredTrace(rs.getString("traceparent"), rs.getString("tracestate"))),
                        lease, AttemptTrigger.fromWireName(rs.getString("attempt_trigger"))), rs.getLong("reached"), rs.getString("last_reached")))
                .list();
        // The next claim starts after the last endpoint this one reached when it stopped at its limit, else from the start.
        cursor = !rows.isEmpty() && rows.get(0).reached() >= limit ? rows.get(0).lastReached() : "";
        return rows.stream().map(ClaimedRow::delivery).toList();
    }

    /** A claimed delivery, with how far its claim's walk of the endpoints got. */
    private record ClaimedRow(Delivery.Delivering delivery, long reached, String lastReached) {
    }

    @Override
    public void release(Delivery.Delivering d, Instant nextAttemptAt) {
        jdbc.sql("""
                        UPDATE deliveries SET lease_id = NULL, locked_until = NULL, next_attempt_at = ?
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

    /** In one statement, whatever their number: one plan and one round trip rather than one of each per attempt. */
    @Override
    public void recordAttempts(List<Delivery.Delivering> claimed, List<Instant> attemptedAt, List<AttemptResult> results) {
        if (claimed.isEmpty()) {
            return;
        }
        int n = claimed.size();
        UUID[] ids = new UUID[n];
        Integer[] attempts = new Integer[n];
        String[] times = new String[n];
        Integer[] codes = new Integer[n];
        Long[] durations = new Long[n];
        String[] triggers = new String[n];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = claimed.get(i).id().value();
            attempts[i] = claimed.get(i).attempt();
            times[i] = attemptedAt.get(i).toString();
            codes[i] = results.get(i).statusCode();
            durations[i] = results.get(i).duration().toMillis();
            triggers[i] = claimed.get(i).trigger().wireName();
            bodies[i] = results.get(i).responseBody();
        }
        jdbc.sql("""
                        INSERT INTO delivery_attempts (delivery_id, attempt, attempted_at, status_code, duration_ms, trigger, response_body)
                        SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:attempts AS int[]), CAST(:times AS timestamptz[]),
                                             CAST(:codes AS int[]), CAST(:durations AS bigint[]), CAST(:triggers AS text[]),
                                             CAST(:bodies AS text[]))""")
                .param("ids", ids)
                .param("attempts", attempts)
                .param("times", times)
                .param("codes", codes)
                .param("durations", durations)
                .param("triggers", triggers)
                .param("bodies", bodies)
                .update();
    }

    /**
     * In one statement, whatever their number. Being delivered takes a row out of the due index, so this update
     * cannot be heap-only; it is the only one of a successful delivery that is not (ADR 0019).
     */
    @Override
    public boolean[] settleDelivered(List<Delivery.Delivered> delivered, List<Delivery.Delivering> claimed) {
        int n = claimed.size();
        if (n == 0) {
            return new boolean[0];
        }
        UUID[] ids = new UUID[n];
        UUID[] leases = new UUID[n];
        Integer[] codes = new Integer[n];
        String[] times = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = claimed.get(i).id().value();
            leases[i] = claimed.get(i).lease().id();
            codes[i] = delivered.get(i).statusCode();
            times[i] = delivered.get(i).deliveredAt().toString();
        }
        List<UUID> settled = jdbc.sql("""
                        UPDATE deliveries d SET status = 'delivered', attempt_count = d.attempt_count + 1,
                                                round_attempts = d.round_attempts + 1, lease_id = NULL, locked_until = NULL,
                                                next_attempt_at = NULL, attempt_trigger = 'scheduled', last_status_code = s.code,
                                                last_error = NULL, delivered_at = s.at
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:leases AS uuid[]), CAST(:codes AS int[]), CAST(:times AS timestamptz[]))
                             AS s(id, lease, code, at)
                        WHERE d.id = s.id AND d.lease_id = s.lease
                        RETURNING d.id""")
                .param("ids", ids)
                .param("leases", leases)
                .param("codes", codes)
                .param("times", times)
                .query(UUID.class)
                .list();
        java.util.Set<UUID> ours = new java.util.HashSet<>(settled);
        boolean[] result = new boolean[n];
        for (int i = 0; i < n; i++) {
            result[i] = ours.contains(ids[i]);
        }
        return result;
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
                                        WHERE subscription_id = ? AND event_type = ? AND status IN ('pending', 'failed'))""")
                .params(subscriptionId.value(), eventType)
                .query(Boolean.class)
                .single();
    }

    @Override
    public int cancelOpen(SubscriptionId subscriptionId, String reason) {
        return jdbc.sql("""
                        UPDATE deliveries SET status = 'cancelled', lease_id = NULL, locked_until = NULL, next_attempt_at = NULL,
                                              last_error = coalesce(last_error, ?)
                        WHERE subscription_id = ? AND status IN ('pending', 'failed')""")
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
                          AND d.event_id = s.event_id AND d.status IN ('pending', 'failed')""")
                .params(reason, incidentId.toString())
                .update();
    }

    @Override
    public int abandonOpen(SubscriptionId subscriptionId, Instant now, String reason) {
        return jdbc.sql("""
                        UPDATE deliveries SET status = 'dead', dead_at = ?, lease_id = NULL, locked_until = NULL, next_attempt_at = NULL,
                                              last_error = coalesce(last_error, ?)
                        WHERE subscription_id = ? AND status IN ('pending', 'failed')""")
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
                        SELECT id, event_id, event_type, shown AS status, attempt_count, next_attempt_at, last_status_code, last_error,
                               created_at, delivered_at, dead_at
                        FROM (SELECT *, CASE WHEN status IN ('pending', 'failed') AND locked_until >= now() THEN 'delivering'
                                             ELSE status END AS shown
                              FROM deliveries WHERE subscription_id = ?) d
                        WHERE CAST(? AS text) IS NULL OR shown = ?
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
        return jdbc.sql("""
                        SELECT count(*) FROM deliveries
                        WHERE status IN ('pending', 'failed') AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until < ?)""")
                .params(Timestamp.from(now), Timestamp.from(now)).query(Long.class).single();
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
