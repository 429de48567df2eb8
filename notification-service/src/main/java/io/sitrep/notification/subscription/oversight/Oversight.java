package io.sitrep.notification.subscription.oversight;

import io.sitrep.notification.subscription.Channel;
import io.sitrep.notification.subscription.SubscriptionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What operators look up across subscriptions and deliveries, read only. No answer holds a secret or a chat webhook's
 * URL: a webhook shows its origin, a chat channel its redacted URL (all its row keeps in clear), and only a subscriber
 * found by its own address shows that address.
 */
@Repository
@Transactional(readOnly = true)
public class Oversight {

    /** The host of a URL in {@code target}: after the scheme and any user info, up to a port, path, query or fragment. */
    private static final String HOST = "lower(substring(target from '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/]*@)?([^/:?#]+)'))";

    private final JdbcClient jdbc;

    Oversight(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A subscription found by an address, deleted ones left out.
     *
     * @param address an email subscription's address, a webhook's contact address, a webhook's origin or a chat
     *                channel's redacted URL
     */
    public record Found(UUID id, Channel channel, String address, List<String> components, SubscriptionStatus status,
                        String disabledReason, Instant createdAt) {
    }

    /**
     * A subscription whose deliveries fail: one active with failures in a row, or one disabled.
     *
     * @param target              what may be shown of where it sends (see {@link #shown})
     * @param consecutiveFailures attempts failed in a row
     * @param failingSince        when the failures in a row began; null when none
     * @param lastError           the last error one of its deliveries recorded, in words; null when none
     * @param lastStatusCode      the HTTP status of that delivery's last attempt; null when none
     */
    public record Failing(UUID id, Channel channel, String target, SubscriptionStatus status, String disabledReason,
                          int consecutiveFailures, Instant failingSince, String lastError, Integer lastStatusCode) {
    }

    /** A dead letter: a delivery that used up its retries. */
    public record DeadLetter(UUID id, UUID subscriptionId, Channel channel, String target, String eventType, int attemptCount,
                             Integer lastStatusCode, String lastError, Instant deadAt) {
    }

    /**
     * Subscriptions of an email address (case aside): email subscriptions to it, and webhooks whose contact it is.
     *
     * @param afterCreatedAt with {@code afterId}, where the previous page ended; null for the first page
     */
    public List<Found> byEmail(String email, Instant afterCreatedAt, UUID afterId, int limit) {
        return found("""
                (channel = 'email' AND lower(target) = lower(:value) OR lower(contact_email) = lower(:value))""",
                email, afterCreatedAt, afterId, limit, true);
    }

    /** Webhooks and chat channels whose URL names the host (case aside), oldest first. */
    public List<Found> byHost(String host, Instant afterCreatedAt, UUID afterId, int limit) {
        return found("channel <> 'email' AND " + HOST + " = lower(:value)", host, afterCreatedAt, afterId, limit, false);
    }

    private List<Found> found(String match, String value, Instant afterCreatedAt, UUID afterId, int limit, boolean byEmail) {
        String after = afterCreatedAt == null ? "" : " AND (created_at, id) > (:createdAt, :id)";
        JdbcClient.StatementSpec sql = jdbc.sql("""
                        SELECT id, channel, target, contact_email, components, status, disabled_reason, created_at
                        FROM subscriptions WHERE status <> 'deleted' AND %s%s ORDER BY created_at, id LIMIT :limit"""
                        .formatted(match, after))
                .param("value", value)
                .param("limit", limit);
        if (afterCreatedAt != null) {
            sql = sql.param("createdAt", Timestamp.from(afterCreatedAt)).param("id", afterId);
        }
        return sql.query((rs, n) -> {
            Channel channel = Channel.fromWireName(rs.getString("channel"));
            String target = rs.getString("target");
            // Found by the address: that address is what the admin typed; found by the host: the origin or redacted URL.
            String address = channel == Channel.EMAIL ? target
                    : byEmail ? rs.getString("contact_email") : shown(channel, target);
            return new Found(rs.getObject("id", UUID.class), channel, address, texts(rs, "components"),
                    SubscriptionStatus.fromWireName(rs.getString("status")), rs.getString("disabled_reason"),
                    rs.getTimestamp("created_at").toInstant());
        }).list();
    }

    /** Subscriptions failing now or disabled, those failing longest first, then the disabled ones, last changed first. */
    public List<Failing> failing(int limit) {
        return jdbc.sql("""
                        SELECT s.id, s.channel, s.target, s.status, s.disabled_reason, s.consecutive_failures, s.failing_since,
                               d.last_error, d.last_status_code
                        FROM subscriptions s
                        LEFT JOIN LATERAL (SELECT last_error, last_status_code FROM deliveries
                                           WHERE subscription_id = s.id AND last_error IS NOT NULL
                                           ORDER BY created_at DESC LIMIT 1) d ON true
                        WHERE s.status = 'disabled' OR (s.status = 'active' AND s.consecutive_failures > 0)
                        ORDER BY s.status = 'disabled', s.failing_since NULLS LAST, s.updated_at DESC, s.id
                        LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> {
                    Channel channel = Channel.fromWireName(rs.getString("channel"));
                    Timestamp since = rs.getTimestamp("failing_since");
                    return new Failing(rs.getObject("id", UUID.class), channel, shown(channel, rs.getString("target")),
                            SubscriptionStatus.fromWireName(rs.getString("status")), rs.getString("disabled_reason"),
                            rs.getInt("consecutive_failures"), since == null ? null : since.toInstant(), rs.getString("last_error"),
                            (Integer) rs.getObject("last_status_code"));
                }).list();
    }

    /** Dead letters, those that died last first. */
    public List<DeadLetter> deadLetters(int limit) {
        return jdbc.sql("""
                        SELECT d.id, d.subscription_id, s.channel, s.target, d.event_type, d.attempt_count, d.last_status_code,
                               d.last_error, d.dead_at
                        FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
                        WHERE d.status = 'dead'
                        ORDER BY d.dead_at DESC, d.id
                        LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> {
                    Channel channel = Channel.fromWireName(rs.getString("channel"));
                    Timestamp dead = rs.getTimestamp("dead_at");
                    return new DeadLetter(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class), channel,
                            shown(channel, rs.getString("target")), rs.getString("event_type"), rs.getInt("attempt_count"),
                            (Integer) rs.getObject("last_status_code"), rs.getString("last_error"),
                            dead == null ? null : dead.toInstant());
                }).list();
    }

    /**
     * What may be shown of a target to someone who did not name it: a webhook's origin (its path and query may carry a
     * token), a chat channel's redacted URL as stored, an email address with its local part hidden but for the first letter.
     */
    static String shown(Channel channel, String target) {
        if (channel == Channel.EMAIL) {
            int at = target.lastIndexOf('@');
            return at <= 0 ? "…" : target.charAt(0) + "…" + target.substring(at);
        }
        if (channel.isChat()) {
            return target;
        }
        try {
            URI uri = URI.create(target);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "…";
        }
    }

    private static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.stream((String[]) array.getArray()).sorted().toList();
    }
}
