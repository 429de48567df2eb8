package io.sitrep.notification.delivery.dispatch;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.sitrep.notification.delivery.AttemptResult;
import io.sitrep.notification.delivery.Endpoints;
import io.sitrep.notification.delivery.HandOff;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Keeps one receiver's trouble its own: a bulkhead per endpoint bounds the attempts in flight to it,
 * and a circuit breaker per host stops attempts to a host that keeps failing. Neither ever waits:
 * a delivery that finds its bulkhead full or its breaker open is left for later.
 *
 * <p>Bulkheads and breakers are named by an opaque id ({@code endpoint-} or {@code host-} and the first
 * 16 hex digits of the SHA-256 of the endpoint or host), never by the URL: every name becomes a metric
 * label, and a chat webhook's URL path is its credential.
 */
public final class EndpointIsolation {

    /** The endpoint and breaker of email: the SMTP server. */
    public static final String SMTP = Endpoints.SMTP;

    private final BulkheadRegistry bulkheads;
    private final CircuitBreakerRegistry breakers;
    private final BulkheadConfig smtpBulkhead;
    /** The endpoint behind each bulkhead name, and the name of its host's breaker. */
    private final Map<String, Names> named = new ConcurrentHashMap<>();

    public EndpointIsolation(BulkheadRegistry bulkheads, CircuitBreakerRegistry breakers, int smtpConcurrency) {
        this.bulkheads = bulkheads;
        this.breakers = breakers;
        this.smtpBulkhead = BulkheadConfig.custom().maxConcurrentCalls(smtpConcurrency).maxWaitDuration(Duration.ZERO).build();
    }

    /**
     * The slots free now at each endpoint attempted before; an endpoint not listed has all its slots free.
     * An endpoint whose host's breaker is open has none, and one that is half-open at most one for its trial:
     * more would only be put back, and a long queue of them would crowd healthy endpoints out of each claim.
     */
    public Map<String, Integer> freeSlots() {
        Map<String, CircuitBreaker.State> states = breakers.getAllCircuitBreakers().stream()
                .collect(Collectors.toMap(CircuitBreaker::getName, CircuitBreaker::getState));
        return bulkheads.getAllBulkheads().stream()
                .filter(b -> named.containsKey(b.getName()))
                .collect(Collectors.toMap(b -> named.get(b.getName()).endpoint(), b -> {
                    int free = b.getMetrics().getAvailableConcurrentCalls();
                    return switch (states.getOrDefault(named.get(b.getName()).breaker(), CircuitBreaker.State.CLOSED)) {
                        case OPEN, FORCED_OPEN -> 0;
                        // One trial at a time, and only when nothing else is in flight there.
                        case HALF_OPEN -> free == b.getBulkheadConfig().getMaxConcurrentCalls() ? Math.min(free, 1) : 0;
                        default -> free;
                    };
                }));
    }

    /** The breaker key of an endpoint: host and port of a webhook endpoint ({@code scheme://host:port/path}), or smtp. */
    static String host(String endpoint) {
        if (SMTP.equals(endpoint)) {
            return SMTP;
        }
        URI uri = URI.create(endpoint);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /**
     * The opaque name of an endpoint's bulkhead, as metrics and spans show it; {@code smtp} stays itself.
     * Never the URL: a chat webhook's path is its credential.
     */
    public static String endpointId(String endpoint) {
        return SMTP.equals(endpoint) ? SMTP : "endpoint-" + digest(endpoint);
    }

    /** The opaque name of a host's breaker, as metrics show it; {@code smtp} stays itself. */
    public static String hostId(String host) {
        return SMTP.equals(host) ? SMTP : "host-" + digest(host);
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** How many attempts a webhook endpoint takes at once. */
    public int webhookSlots() {
        return bulkheads.getDefaultConfig().getMaxConcurrentCalls();
    }

    /** How many emails go to the SMTP server at once. */
    public int smtpSlots() {
        return smtpBulkhead.getMaxConcurrentCalls();
    }

    /** Asks for a slot at the endpoint and the host's permission, without waiting. */
    public Permit tryAcquire(String endpoint, String host) {
        Names names = named.computeIfAbsent(endpointId(endpoint), id -> new Names(endpoint, hostId(host)));
        Bulkhead bulkhead = bulkhead(endpoint);
        if (!bulkhead.tryAcquirePermission()) {
            return new Permit(Refusal.BUSY, null, null, 0);
        }
        CircuitBreaker breaker = breakers.circuitBreaker(names.breaker());
        if (!breaker.tryAcquirePermission()) {
            bulkhead.onComplete();
            return new Permit(Refusal.OPEN, null, null, 0);
        }
        return new Permit(null, bulkhead, breaker, System.nanoTime());
    }

    /**
     * Holds a slot of the endpoint's bulkhead for a delivery born claimed, without waiting; null when the bulkhead is
     * full, or when the breaker of the endpoint's host is not closed (an open breaker lets nothing through, a half-open
     * one only the claim's trial). The host's permission is asked for when the attempt starts ({@link #tryAcquire(HeldSlot, String)}).
     */
    public HeldSlot holdSlot(String endpoint) {
        Names names = named.get(endpointId(endpoint));
        if (names == null) {
            try {
                // Named now, so that claims count the slot held (freeSlots) before its attempt starts.
                names = named.computeIfAbsent(endpointId(endpoint), id -> new Names(endpoint, hostId(host(endpoint))));
            } catch (IllegalArgumentException | NullPointerException notAUrl) {
                return null;
            }
        }
        if (breakers.find(names.breaker()).map(b -> b.getState() != CircuitBreaker.State.CLOSED).orElse(false)) {
            return null;
        }
        Bulkhead bulkhead = bulkhead(endpoint);
        return bulkhead.tryAcquirePermission() ? new HeldSlot(bulkhead) : null;
    }

    /** Asks for the host's permission for an attempt in a slot already held, without waiting; the slot is freed if refused. */
    public Permit tryAcquire(HeldSlot slot, String host) {
        CircuitBreaker breaker = breakers.circuitBreaker(hostId(host));
        if (!breaker.tryAcquirePermission()) {
            slot.free();
            return new Permit(Refusal.OPEN, null, null, 0);
        }
        return new Permit(null, slot.bulkhead, breaker, System.nanoTime());
    }

    private Bulkhead bulkhead(String endpoint) {
        String bulkheadName = endpointId(endpoint);
        return SMTP.equals(endpoint) ? bulkheads.bulkhead(bulkheadName, smtpBulkhead) : bulkheads.bulkhead(bulkheadName);
    }

    /** A slot of an endpoint's bulkhead held for one attempt not yet started; freed once, or passed on to its permit. */
    public static final class HeldSlot implements HandOff.Slot {

        private final Bulkhead bulkhead;

        private HeldSlot(Bulkhead bulkhead) {
            this.bulkhead = bulkhead;
        }

        @Override
        public void free() {
            bulkhead.onComplete();
        }
    }

    /** What a bulkhead stands for: its endpoint, and the name of its host's breaker. */
    private record Names(String endpoint, String breaker) {
    }

    /** Why an attempt may not start now. */
    public enum Refusal {
        /** The endpoint's bulkhead is full. */
        BUSY,
        /** The host's circuit breaker is open. */
        OPEN
    }

    /** Permission for one attempt; {@link #release} it exactly once when the attempt ends. */
    public static final class Permit {

        private final Refusal refusal;
        private final Bulkhead bulkhead;
        private final CircuitBreaker breaker;
        private final long started;

        private Permit(Refusal refusal, Bulkhead bulkhead, CircuitBreaker breaker, long started) {
            this.refusal = refusal;
            this.bulkhead = bulkhead;
            this.breaker = breaker;
            this.started = started;
        }

        /** Null when granted. */
        public Refusal refusal() {
            return refusal;
        }

        /** Frees the slot and tells the breaker how the host fared. */
        public void release(AttemptResult result) {
            long took = System.nanoTime() - started;
            if (result.hostFailed()) {
                breaker.onError(took, TimeUnit.NANOSECONDS, new HostFailed(result.error()));
            } else {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            }
            bulkhead.onComplete();
        }
    }

    /** What the breaker records for a failed attempt. */
    static final class HostFailed extends RuntimeException {
        HostFailed(String message) {
            super(message, null, false, false);
        }
    }
}
