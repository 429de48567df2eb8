package io.sitrep.notification.webhook;

import io.sitrep.notification.delivery.AttemptResult;
import io.sitrep.notification.delivery.RetryAfter;
import io.sitrep.notification.subscription.SigningSecret;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

/**
 * Sends one webhook attempt without blocking the caller: checks the target again, signs the body
 * with the current time, POSTs it with connect and response timeouts, and reports what it got.
 * Redirects are not followed (a 3xx is a failed attempt), so a receiver cannot redirect a
 * delivery to a target the policy refuses. The future always completes, never exceptionally.
 * The request carries the attempt's W3C trace context ({@code traceparent}, {@code tracestate}), so
 * the receiver can join the trace of the incident change it is told about.
 */
public final class WebhookSender {

    private static final String USER_AGENT = "Sitrep-Webhooks/1";

    private final HttpClient client;
    private final TargetPolicy policy;
    private final Duration requestTimeout;
    private final Duration hardTimeout;
    private final Executor executor;
    private final Clock clock;

    /**
     * @param client         an HTTP client with a connect timeout and no redirects
     * @param requestTimeout how long to wait for the response once connected
     * @param executor       where the target check (a DNS lookup) runs
     */
    public WebhookSender(HttpClient client, TargetPolicy policy, Duration requestTimeout, Executor executor, Clock clock) {
        this.client = client;
        this.policy = policy;
        this.requestTimeout = requestTimeout;
        this.hardTimeout = requestTimeout.plus(client.connectTimeout().orElse(Duration.ofSeconds(10))).plusSeconds(1);
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * One attempt of a delivery.
     *
     * @param traceHeaders the attempt span's trace context headers; empty without tracing
     */
    public record Attempt(UUID webhookId, URI url, byte[] body, List<SigningSecret> secrets, Map<String, String> traceHeaders) {
    }

    public CompletableFuture<AttemptResult> send(Attempt attempt) {
        long started = System.nanoTime();
        return CompletableFuture.supplyAsync(() -> request(attempt), executor)
                .thenCompose(request -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                // The request timeout stops waiting for headers; this bounds the whole exchange.
                .orTimeout(hardTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    if (failure == null) {
                        Duration retryAfter = response.headers().firstValue("Retry-After")
                                .flatMap(value -> RetryAfter.parse(value, clock.instant())).orElse(null);
                        return AttemptResult.status(response.statusCode(), retryAfter, took);
                    }
                    return AttemptResult.error(describe(failure), took);
                });
    }

    private HttpRequest request(Attempt attempt) {
        policy.check(attempt.url());
        long timestamp = clock.instant().getEpochSecond();
        String id = attempt.webhookId().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(attempt.url())
                .timeout(requestTimeout)
                .header("content-type", "application/json")
                .header("user-agent", USER_AGENT)
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(id, timestamp, attempt.body(), attempt.secrets()));
        attempt.traceHeaders().forEach(request::header);
        return request.POST(HttpRequest.BodyPublishers.ofByteArray(attempt.body())).build();
    }

    private String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TargetRefused refused) {
            return "target refused: " + refused.getMessage();
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "no response within " + requestTimeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
