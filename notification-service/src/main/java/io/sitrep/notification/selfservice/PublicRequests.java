package io.sitrep.notification.selfservice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The public limits, counted in PostgreSQL so that every instance counts the same requests and a restart forgets
 * none: requests of the last hour per client address and per email address, by the SHA-256 of each (never the
 * address). A request over either limit is not recorded, so a flood adds no rows; rows older than the hour are
 * removed by the next request.
 */
public class PublicRequests {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final SelfServiceSettings settings;
    private final Clock clock;

    public PublicRequests(JdbcClient jdbc, SelfServiceSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether a request from this client for this email address is within both limits; if so, it is counted. */
    @Transactional
    public boolean admit(String client, String address) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM public_requests WHERE requested_at < :since").param("since", Timestamp.from(now.minus(WINDOW))).update();
        byte[] clientKey = key("client", client);
        byte[] addressKey = key("address", address.strip().toLowerCase(Locale.ROOT));
        // Client first, then address, in every request: two requests never wait for each other's lock in turn.
        lock(clientKey);
        if (count("client", clientKey) >= settings.requestsPerClientPerHour()) {
            return false;
        }
        lock(addressKey);
        if (count("address", addressKey) >= settings.requestsPerAddressPerHour()) {
            return false;
        }
        record("client", clientKey, now);
        record("address", addressKey, now);
        return true;
    }

    private void lock(byte[] key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", ByteBuffer.wrap(key).getLong()).query((rs, n) -> 1).single();
    }

    private int count(String kind, byte[] key) {
        return jdbc.sql("SELECT count(*) FROM public_requests WHERE kind = :kind AND key_sha256 = :key")
                .param("kind", kind).param("key", key).query(Integer.class).single();
    }

    private void record(String kind, byte[] key, Instant now) {
        jdbc.sql("INSERT INTO public_requests (kind, key_sha256, requested_at) VALUES (:kind, :key, :at)")
                .param("kind", kind).param("key", key).param("at", Timestamp.from(now)).update();
    }

    /** The SHA-256 of the kind and the value: the advisory lock of a client never is that of an address. */
    private static byte[] key(String kind, String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("sitrep-public-" + kind + ":" + value).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
