package io.sitrep.notification.delivery;

import io.sitrep.notification.subscription.Subscription;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A way deliveries go out (a webhook, an email, a chat message). The dispatcher picks the one channel that
 * {@link #carries} a delivery, starts its attempt without waiting for it, and records the result.
 */
public interface DeliveryChannel {

    /**
     * One attempt to send.
     *
     * @param traceHeaders the attempt's trace context, as headers
     * @param traceId      the attempt's trace id
     * @param inTrace      runs work on another thread inside the attempt's span
     */
    record Attempt(DeliveryId id, Subscription subscription, Delivery.Sending sending, Instant at, Map<String, String> traceHeaders,
                   String traceId, TraceScope inTrace) {
    }

    /** Carries the attempt's trace to another thread. */
    interface TraceScope {
        <T> Supplier<T> wrap(Supplier<T> work);
    }

    /** Whether this channel sends this delivery of this subscription. */
    boolean carries(Subscription s, Delivery.Sending sending);

    /** Why it cannot be sent at all (it is then cancelled), or null. */
    default String refusal(Subscription s, Delivery.Sending sending) {
        return null;
    }

    /** The circuit breaker key of where it goes: the receiving host and port, or the SMTP server. */
    String host(Subscription s);

    /** Starts the attempt; the future completes with what it got, or exceptionally with a failure before any answer. */
    CompletableFuture<AttemptResult> send(Attempt attempt);

    /** An attempt's error from a failure before any answer, as stored and shown; never a credential. */
    default String describe(Throwable failure) {
        return failure.toString();
    }
}
