package io.sitrep.notification.delivery.dispatch;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.sitrep.notification.delivery.AttemptResult;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Keeps one receiver's trouble its own: a bulkhead per endpoint bounds the attempts in flight to it,
 * and a circuit breaker per host stops attempts to a host that keeps failing. Neither ever waits:
 * a delivery that finds its bulkhead full or its breaker open is left for later.
 */
public final class EndpointIsolation {

    /** The endpoint and breaker of email: the SMTP server. */
    public static final String SMTP = "smtp";

    private final BulkheadRegistry bulkheads;
    private final CircuitBreakerRegistry breakers;
    private final BulkheadConfig smtpBulkhead;

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
                .collect(Collectors.toMap(Bulkhead::getName, b -> {
                    int free = b.getMetrics().getAvailableConcurrentCalls();
                    return switch (states.getOrDefault(host(b.getName()), CircuitBreaker.State.CLOSED)) {
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
        Bulkhead bulkhead = SMTP.equals(endpoint) ? bulkheads.bulkhead(endpoint, smtpBulkhead) : bulkheads.bulkhead(endpoint);
        if (!bulkhead.tryAcquirePermission()) {
            return new Permit(Refusal.BUSY, null, null, 0);
        }
        CircuitBreaker breaker = breakers.circuitBreaker(host);
        if (!breaker.tryAcquirePermission()) {
            bulkhead.onComplete();
            return new Permit(Refusal.OPEN, null, null, 0);
        }
        return new Permit(null, bulkhead, breaker, System.nanoTime());
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
