package io.sitrep.notification.subscription.persistence;

import io.sitrep.events.EventType;
import io.sitrep.events.Impact;
import io.sitrep.notification.secret.SecretCipher;
import io.sitrep.notification.subscription.Channel;
import io.sitrep.notification.subscription.SigningSecret;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionFilter;
import io.sitrep.notification.subscription.SubscriptionHealth;
import io.sitrep.notification.subscription.SubscriptionId;
import io.sitrep.notification.subscription.SubscriptionStatus;
import io.sitrep.notification.subscription.Subscriptions;
import io.sitrep.notification.subscription.WebhookFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Stores subscriptions in PostgreSQL, signing secrets and chat webhook URLs encrypted. */
@Repository
class JdbcSubscriptions implements Subscriptions {

    private static final String COLUMNS = """
            id, channel, target, endpoint, components, event_types, min_impact, status, secret, previous_secret,
            previous_secret_expires_at, created_at, updated_at, disabled_reason, target_sealed, format, include_internal, contact_email""";

    private static final String INSERT = """
            INSERT INTO subscriptions (id, channel, target, endpoint, components, event_types, min_impact, status,
                                       secret, created_at, updated_at, target_sealed, format, include_internal,
                                       contact_email)
            VALUES (?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Imports lock this pair of keys; advisory locks of two keys never meet those of one ({@link #lockAddress}). */
    private static final int IMPORT_LOCK_CLASS = 0x53495452;
    private static final int IMPORT_LOCK = 1;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final SecretCipher cipher;

    JdbcSubscriptions(JdbcClient jdbc, JdbcTemplate batches, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.cipher = cipher;
    }

    /** Stores a new subscription; a chat webhook's URL encrypted, and only its redacted form in clear. */
    @Override
    public void insert(Subscription s) {
        jdbc.sql(INSERT).params(row(s)).update();
    }

    /** In one round trip. */
    @Override
    public void insertAll(List<Subscription> subscriptions) {
        if (subscriptions.isEmpty()) {
            return;
        }
        batches.batchUpdate(INSERT, subscriptions.stream().map(this::row).toList());
    }

    private Object[] row(Subscription s) {
        boolean chat = s.channel().isChat();
        return new Object[] {s.id().value(), s.channel().wireName(), chat ? Subscription.redacted(s.target()) : s.target(), s.endpoint(),
                textArray(s.filter().components()),
                textArray(s.filter().eventTypes().stream().map(EventType::wireName).collect(Collectors.toSet())),
                s.filter().minImpact() == null ? null : s.filter().minImpact().wireName(),
                s.status().wireName(),
                s.secret() == null ? null : cipher.encrypt(s.secret().key(), s.id().value()),
                Timestamp.from(s.createdAt()), Timestamp.from(s.updatedAt()),
                chat ? cipher.encryptText(s.target(), s.id().value()) : null, s.format().wireName(),
                s.filter().includeInternal(), s.contactEmail()};
    }

    @Override
    public void lockImports() {
        takeImportLock("pg_advisory_xact_lock");
    }

    @Override
    public void holdOffImports() {
        takeImportLock("pg_advisory_xact_lock_shared");
    }

    /** Takes the imports' lock with {@code function}, exclusive or shared, until the transaction ends. */
    private void takeImportLock(String function) {
        jdbc.sql("SELECT " + function + "(:class, :key)")
                .param("class", IMPORT_LOCK_CLASS)
                .param("key", IMPORT_LOCK)
                .query((rs, n) -> 1)
                .single();
    }

    /** One statement, along {@code subscriptions_email_address}. */
    @Override
    public Map<String, SubscriptionStatus> emailStanding(Collection<String> addressKeys) {
        Map<String, SubscriptionStatus> standing = new LinkedHashMap<>();
        if (addressKeys.isEmpty()) {
            return standing;
        }
        jdbc.sql("""
                        SELECT lower(target) AS address,
                               bool_or(status = 'active' AND event_types = '{}' AND min_impact IS NULL AND NOT include_internal) AS active
                        FROM subscriptions
                        WHERE channel = 'email' AND lower(target) = ANY (:addresses) AND status IN ('active', 'unsubscribed')
                        GROUP BY lower(target)""")
                .param("addresses", addressKeys.toArray(String[]::new))
                .query((rs, n) -> standing.put(rs.getString("address"),
                        rs.getBoolean("active") ? SubscriptionStatus.ACTIVE : SubscriptionStatus.UNSUBSCRIBED))
                .list();
        return standing;
    }

    /** The subscription unless it was deleted. */
    @Override
    public Optional<Subscription> find(SubscriptionId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE id = ? AND status <> 'deleted'")
                .param(id.value())
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** The subscription unless it was deleted, locked for the rest of the transaction. */
    @Override
    public Optional<Subscription> lock(SubscriptionId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE id = ? AND status <> 'deleted' FOR UPDATE")
                .param(id.value())
                .query((rs, n) -> map(rs))
                .optional();
    }

    /**
     * A page of the subscriptions but the deleted ones, oldest first.
     *
     * @param afterCreatedAt with {@code afterId}, where the previous page ended; null for the first page
     * @param limit          the most to answer
     */
    @Override
    public List<Subscription> list(Instant afterCreatedAt, UUID afterId, int limit) {
        if (afterCreatedAt == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE status <> 'deleted' ORDER BY created_at, id LIMIT :limit")
                    .param("limit", limit)
                    .query((rs, n) -> map(rs))
                    .list();
        }
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM subscriptions WHERE status <> 'deleted' AND (created_at, id) > (:createdAt, :id)
                        ORDER BY created_at, id LIMIT :limit""")
                .param("createdAt", Timestamp.from(afterCreatedAt))
                .param("id", afterId)
                .param("limit", limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    /**
     * Holds, until the transaction ends, the right to subscribe this email address (lower-cased): requests for
     * one address are taken one at a time, so that two alike cannot both create a subscription, nor both pass
     * the resend limit.
     */
    @Override
    public void lockAddress(byte[] addressSha256) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)")
                .param("key", java.nio.ByteBuffer.wrap(addressSha256).getLong())
                .query((rs, n) -> 1)
                .single();
    }

    /** The email subscriptions of an address (compared lower-cased) that wait for their confirmation. */
    @Override
    public List<Subscription> pendingEmail(String address) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM subscriptions
                        WHERE channel = 'email' AND status = 'pending_confirmation' AND lower(target) = lower(:address)
                        ORDER BY created_at, id""")
                .param("address", address)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** The webhook subscriptions of a contact address (compared lower-cased) that wait for their confirmation. */
    @Override
    public List<Subscription> pendingContact(String contactEmail) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM subscriptions
                        WHERE contact_email IS NOT NULL AND status = 'pending_confirmation' AND lower(contact_email) = lower(:address)
                        ORDER BY created_at, id""")
                .param("address", contactEmail)
                .query((rs, n) -> map(rs))
                .list();
    }

    /**
     * The other active email subscriptions of an address (compared lower-cased) that a subscription from the status
     * page replaces: those of the same shape (every event type, any impact, public incidents only).
     */
    @Override
    public List<SubscriptionId> activeLikePublic(String address, SubscriptionId except) {
        return jdbc.sql("""
                        SELECT id FROM subscriptions
                        WHERE channel = 'email' AND status = 'active' AND lower(target) = lower(:address) AND id <> :id
                          AND event_types = '{}' AND min_impact IS NULL AND NOT include_internal
                        ORDER BY id FOR UPDATE""")
                .param("address", address)
                .param("id", except.value())
                .query((rs, n) -> new SubscriptionId(rs.getObject("id", UUID.class)))
                .list();
    }

    /** Sets the components a subscription is notified of; empty for all. */
    @Override
    public void setComponents(SubscriptionId id, Set<String> components, Instant now) {
        jdbc.sql("UPDATE subscriptions SET components = :components::text[], updated_at = :now WHERE id = :id")
                .param("components", textArray(components))
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .update();
    }

    /**
     * How many subscriptions are active and pending, per channel and component; a subscription to every component
     * counts under the component null. Deleted, unsubscribed and disabled ones are left out.
     */
    @Override
    public List<Count> counts() {
        return jdbc.sql("""
                        SELECT s.channel, c.component,
                               count(*) FILTER (WHERE s.status = 'active') AS active,
                               count(*) FILTER (WHERE s.status = 'pending_confirmation') AS pending
                        FROM subscriptions s
                        LEFT JOIN LATERAL unnest(s.components) AS c(component) ON true
                        WHERE s.status IN ('active', 'pending_confirmation')
                        GROUP BY s.channel, c.component
                        ORDER BY s.channel, c.component NULLS FIRST""")
                .query((rs, n) -> new Count(Channel.fromWireName(rs.getString("channel")), rs.getString("component"),
                        rs.getLong("active"), rs.getLong("pending")))
                .list();
    }

    /** The subscriptions that notify or wait to (active and pending), oldest first, at most {@code limit}. */
    @Override
    public List<Subscription> subscribers(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM subscriptions WHERE status IN ('active', 'pending_confirmation')
                        ORDER BY created_at, id LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** How many confirmation emails the address was sent since {@code since}; forgets every older one, of any address. */
    @Override
    public int confirmationRequestsSince(byte[] addressSha256, Instant since) {
        jdbc.sql("DELETE FROM confirmation_requests WHERE requested_at < :since")
                .param("since", Timestamp.from(since))
                .update();
        return jdbc.sql("SELECT count(*) FROM confirmation_requests WHERE address_sha256 = :address")
                .param("address", addressSha256)
                .query(Integer.class)
                .single();
    }

    /** Counts one more confirmation email to the address. */
    @Override
    public void recordConfirmationRequest(byte[] addressSha256, SubscriptionId id, Instant now) {
        jdbc.sql("INSERT INTO confirmation_requests (address_sha256, subscription_id, requested_at) VALUES (:address, :id, :at)")
                .param("address", addressSha256)
                .param("id", id.value())
                .param("at", Timestamp.from(now))
                .update();
    }

    /** The oldest confirmation email the address was sent since {@code since}, if any: the limit frees a slot an hour after it. */
    @Override
    public Optional<Instant> oldestConfirmationRequestSince(byte[] addressSha256, Instant since) {
        return jdbc.sql("SELECT min(requested_at) FROM confirmation_requests WHERE address_sha256 = :address AND requested_at >= :since")
                .param("address", addressSha256)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }


    /** A page of active subscriptions in order of id, read along {@code subscriptions_active}. */
    @Override
    public List<Candidate> active(SubscriptionId after, int limit) {
        return jdbc.sql("""
                        SELECT id, channel, endpoint, components, event_types, min_impact, include_internal FROM subscriptions
                        WHERE status = 'active' AND id > ? ORDER BY id LIMIT ?""")
                .params(after == null ? new UUID(0, 0) : after.value(), limit)
                .query((rs, n) -> new Candidate(new SubscriptionId(rs.getObject("id", UUID.class)),
                        Channel.fromWireName(rs.getString("channel")), rs.getString("endpoint"), filter(rs)))
                .list();
    }

    @Override
    public void setStatus(SubscriptionId id, SubscriptionStatus status, String reason, Instant now) {
        jdbc.sql("UPDATE subscriptions SET status = ?, disabled_reason = ?, updated_at = ? WHERE id = ?")
                .params(status.wireName(), reason, Timestamp.from(now), id.value())
                .update();
    }

    @Override
    public void rotateSecret(SubscriptionId id, SigningSecret next, SigningSecret previous, Instant previousExpiresAt, Instant now) {
        jdbc.sql("""
                        UPDATE subscriptions SET secret = ?, previous_secret = ?, previous_secret_expires_at = ?, updated_at = ?
                        WHERE id = ?""")
                .params(cipher.encrypt(next.key(), id.value()), cipher.encrypt(previous.key(), id.value()),
                        Timestamp.from(previousExpiresAt), Timestamp.from(now), id.value())
                .update();
    }

    /**
     * Counts a failed attempt against the subscription's health; the row stays locked until the
     * transaction ends, so concurrent outcomes of one subscription are counted one after the other.
     */
    @Override
    public SubscriptionHealth recordFailure(SubscriptionId id, Instant attemptedAt) {
        return jdbc.sql("""
                        UPDATE subscriptions SET consecutive_failures = consecutive_failures + 1,
                                                 failing_since = coalesce(failing_since, ?)
                        WHERE id = ?
                        RETURNING consecutive_failures, failing_since, failing_reported, status""")
                .params(Timestamp.from(attemptedAt), id.value())
                .query((rs, n) -> new SubscriptionHealth(rs.getInt("consecutive_failures"), rs.getTimestamp("failing_since").toInstant(),
                        rs.getBoolean("failing_reported"), SubscriptionStatus.fromWireName(rs.getString("status"))))
                .single();
    }

    /** Ends a run of failures; returns the health before, so that a recovery can be told. */
    @Override
    public SubscriptionHealth recordSuccess(SubscriptionId id) {
        return jdbc.sql("""
                        UPDATE subscriptions s SET consecutive_failures = 0, failing_since = NULL, failing_reported = false
                        FROM (SELECT id, consecutive_failures, failing_since, failing_reported FROM subscriptions WHERE id = ? FOR UPDATE) old
                        WHERE s.id = old.id
                        RETURNING old.consecutive_failures, old.failing_since, old.failing_reported, s.status""")
                .param(id.value())
                .query((rs, n) -> {
                    Timestamp since = rs.getTimestamp("failing_since");
                    return new SubscriptionHealth(rs.getInt("consecutive_failures"), since == null ? null : since.toInstant(),
                            rs.getBoolean("failing_reported"), SubscriptionStatus.fromWireName(rs.getString("status")));
                })
                .single();
    }

    /**
     * Ends the runs of failures of those subscriptions that had one, in one statement; the others are not
     * touched, so that successes to a healthy subscription write nothing to it.
     *
     * @return the health before, of the subscriptions that were failing
     */
    @Override
    public Map<SubscriptionId, SubscriptionHealth> recordSuccesses(Collection<SubscriptionId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<SubscriptionId, SubscriptionHealth> before = new LinkedHashMap<>();
        jdbc.sql("""
                        UPDATE subscriptions s SET consecutive_failures = 0, failing_since = NULL, failing_reported = false
                        FROM (SELECT id, consecutive_failures, failing_since, failing_reported FROM subscriptions
                              WHERE id = ANY (?) AND (consecutive_failures > 0 OR failing_since IS NOT NULL)
                              ORDER BY id FOR UPDATE) old
                        WHERE s.id = old.id
                        RETURNING s.id, old.consecutive_failures, old.failing_since, old.failing_reported, s.status""")
                .param(ids.stream().map(SubscriptionId::value).toArray(UUID[]::new))
                .query((rs, n) -> {
                    Timestamp since = rs.getTimestamp("failing_since");
                    return before.put(new SubscriptionId(rs.getObject("id", UUID.class)), new SubscriptionHealth(rs.getInt("consecutive_failures"),
                            since == null ? null : since.toInstant(), rs.getBoolean("failing_reported"),
                            SubscriptionStatus.fromWireName(rs.getString("status"))));
                })
                .list();
        return before;
    }

    /** The subscriptions with these ids, deleted ones left out. */
    @Override
    public Map<SubscriptionId, Subscription> findAll(Collection<SubscriptionId> ids) {
        Map<SubscriptionId, Subscription> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE id = ANY (?) AND status <> 'deleted'")
                .param(ids.stream().map(SubscriptionId::value).distinct().toArray(UUID[]::new))
                .query((rs, n) -> map(rs))
                .list()
                .forEach(subscription -> found.put(subscription.id(), subscription));
        return found;
    }

    @Override
    public void markFailingReported(SubscriptionId id) {
        jdbc.sql("UPDATE subscriptions SET failing_reported = true WHERE id = ?").param(id.value()).update();
    }

    /** Numbers the subscription's next delivery event: 1, 2, 3, … */
    @Override
    public long nextEventVersion(SubscriptionId id) {
        return jdbc.sql("UPDATE subscriptions SET event_version = event_version + 1 WHERE id = ? RETURNING event_version")
                .param(id.value())
                .query(Long.class)
                .single();
    }

    private Subscription map(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        byte[] secret = rs.getBytes("secret");
        byte[] previous = rs.getBytes("previous_secret");
        Timestamp previousExpires = rs.getTimestamp("previous_secret_expires_at");
        byte[] sealedTarget = rs.getBytes("target_sealed");
        return new Subscription(
                new SubscriptionId(id),
                Channel.fromWireName(rs.getString("channel")),
                sealedTarget == null ? rs.getString("target") : cipher.decryptText(sealedTarget, id),
                rs.getString("endpoint"),
                filter(rs),
                SubscriptionStatus.fromWireName(rs.getString("status")),
                secret == null ? null : SigningSecret.ofKey(cipher.decrypt(secret, id)),
                previous == null ? null : SigningSecret.ofKey(cipher.decrypt(previous, id)),
                previousExpires == null ? null : previousExpires.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("disabled_reason"),
                WebhookFormat.fromWireName(rs.getString("format")),
                rs.getString("contact_email"));
    }

    private static SubscriptionFilter filter(ResultSet rs) throws SQLException {
        Set<String> components = strings(rs.getArray("components"));
        Set<EventType> types = strings(rs.getArray("event_types")).stream()
                .map(t -> EventType.fromWireName(t).orElseThrow()).collect(Collectors.toSet());
        String minImpact = rs.getString("min_impact");
        return new SubscriptionFilter(components, types, minImpact == null ? null : Impact.fromWireName(minImpact),
                rs.getBoolean("include_internal"));
    }

    private static Set<String> strings(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList((String[]) array.getArray()));
    }

    /** A PostgreSQL text array literal, e.g. {"api","db"}. */
    static String textArray(Set<String> values) {
        return values.stream().sorted()
                .map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }
}
