package io.sitrep.incidentservice.web;

import io.sitrep.support.web.FieldRejected;
import io.sitrep.support.security.ApiPrincipal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a POST at most once per Idempotency-Key. The key is claimed, the command runs and its
 * response is stored, all in one transaction: a retry with the same key and body gets the first
 * response back and changes nothing; the same key with another body is refused. A concurrent retry
 * waits for the first to commit, then replays it. Keys are scoped to the API key that sent them.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Pattern KEY_FORM = Pattern.compile("^[\\x21-\\x7E]{1,255}$");
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final IdempotencySettings settings;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, PlatformTransactionManager transactionManager, JsonMapper json,
                       IdempotencySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Runs {@code action} in a transaction, once per key.
     *
     * @param key     the Idempotency-Key header, or null to run without one
     * @param route   the operation, so that one key cannot be replayed against another endpoint
     * @param request the parsed request body, compared with the first one sent under the key
     */
    public ResponseEntity<?> run(ApiPrincipal principal, String key, String route, Object request,
                                 Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            return transactions.execute(status -> action.get());
        }
        if (!KEY_FORM.matcher(key).matches()) {
            throw new FieldRejected(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String requestHash = hash(route, request);
        return transactions.execute(status -> {
            int claimed = jdbc.sql("""
                            INSERT INTO idempotency_keys (principal, idempotency_key, request_hash, created_at)
                            VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(principal.name(), key, requestHash, Timestamp.from(clock.instant()))
                    .update();
            if (claimed == 0) {
                return replay(principal, key, requestHash);
            }
            ResponseEntity<?> response = action.get();
            store(principal, key, response);
            return response;
        });
    }

    private ResponseEntity<?> replay(ApiPrincipal principal, String key, String requestHash) {
        Optional<Stored> stored = jdbc.sql("""
                        SELECT request_hash, response_status, response_headers, response_body
                        FROM idempotency_keys WHERE principal = ? AND idempotency_key = ?""")
                .params(principal.name(), key)
                .query((rs, n) -> new Stored(rs.getString("request_hash"), rs.getInt("response_status"),
                        rs.getString("response_headers"), rs.getBytes("response_body")))
                .optional();
        Stored first = stored.orElseThrow(() -> new IllegalStateException("idempotency key vanished while replaying"));
        if (!first.requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReused(key);
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(first.status()).header(REPLAYED, "true");
        json.readValue(first.headers(), HEADERS).forEach(response::header);
        return first.body() == null ? response.build() : response.contentType(MediaType.APPLICATION_JSON).body(first.body());
    }

    private void store(ApiPrincipal principal, String key, ResponseEntity<?> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : new String[] {HttpHeaders.LOCATION, HttpHeaders.ETAG, Preferences.APPLIED}) {
            String value = response.getHeaders().getFirst(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        jdbc.sql("""
                        UPDATE idempotency_keys SET response_status = ?, response_headers = ?::jsonb, response_body = ?
                        WHERE principal = ? AND idempotency_key = ?""")
                .params(response.getStatusCode().value(), json.writeValueAsString(headers),
                        response.getBody() == null ? null : json.writeValueAsBytes(response.getBody()),
                        principal.name(), key)
                .update();
    }

    /** Forgets keys older than the retention, so the table stays small. */
    @Scheduled(fixedDelayString = "${sitrep.api.idempotency-cleanup-interval:PT10M}")
    void forgetExpiredKeys() {
        jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < ?")
                .param(Timestamp.from(clock.instant().minus(settings.idempotencyRetention())))
                .update();
    }

    private String hash(String route, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(route.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Stored(String requestHash, int status, String headers, byte[] body) {
    }
}
