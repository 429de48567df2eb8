package io.sitrep.notification.webhook;

import io.sitrep.notification.target.TargetPolicy;
import io.sitrep.notification.target.TargetRefused;

import io.sitrep.notification.delivery.AttemptResult;
import io.sitrep.notification.delivery.RetryAfter;
import io.sitrep.notification.subscription.SigningSecret;
import io.sitrep.support.path.PathStamps;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one webhook attempt without blocking the caller: checks the URL, signs the body with the
 * current time, POSTs it with connect and response timeouts, and reports what it got. The client
 * resolves the host through {@link PinnedResolver}: once, every address checked by the policy, and
 * the connection goes to those addresses, so a DNS answer that changes after the check is never used.
 * Redirects are not followed (a 3xx is a failed attempt), so a receiver cannot redirect a
 * delivery to a target the policy refuses. The future always completes, never exceptionally.
 * The first {@value #MAX_ANSWER_BYTES} bytes of the answer are read, for the receivers that explain a refusal in
 * the body; the rest is discarded. The request carries the attempt's W3C trace context ({@code traceparent}, {@code tracestate}), so
 * the receiver can join the trace of the incident change it is told about.
 */
public final class WebhookSender {

    private static final String USER_AGENT = "Sitrep-Webhooks/1";
    /** As the webhooks always said it: JSON is UTF-8 by definition (RFC 8259), so no charset parameter. */
    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpAsyncClient client;
    private final TargetPolicy policy;
    private final Duration requestTimeout;
    private final Duration hardTimeout;
    private final Executor executor;
    private final Clock clock;

    /**
     * @param client         a started HTTP client resolving through a {@link PinnedResolver} of {@code policy},
     *                       with a connect timeout, no redirects and no automatic retries
     * @param connectTimeout the client's connect timeout
     * @param requestTimeout how long to wait for the response once connected
     * @param executor       where requests start (the DNS lookup of a new connection runs there)
     */
    public WebhookSender(CloseableHttpAsyncClient client, TargetPolicy policy, Duration connectTimeout, Duration requestTimeout,
                         Executor executor, Clock clock) {
        this.client = client;
        this.policy = policy;
        this.requestTimeout = requestTimeout;
        this.hardTimeout = requestTimeout.plus(connectTimeout).plusSeconds(1);
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * One attempt of a delivery.
     *
     * @param secrets      the secrets that sign it; empty for a chat webhook, whose URL is its credential: it is then sent
     *                     without the Standard Webhooks headers
     * @param traceHeaders the attempt span's trace context headers; empty without tracing
     * @param contentType  the body's media type
     */
    public record Attempt(UUID webhookId, URI url, byte[] body, List<SigningSecret> secrets, Map<String, String> traceHeaders,
                          String contentType) {

        /** A webhook: {@code application/json}. */
        public Attempt(UUID webhookId, URI url, byte[] body, List<SigningSecret> secrets, Map<String, String> traceHeaders) {
            this(webhookId, url, body, secrets, traceHeaders, JSON.toString());
        }
    }

    /**
     * What a receiver answered.
     *
     * @param retryAfter its {@code Retry-After}, or null
     * @param body       the start of its body (at most {@value #MAX_ANSWER_BYTES} bytes, as UTF-8), for the channels whose
     *                   refusals say more in the body than in the status
     */
    public record Answer(int status, Duration retryAfter, String body) {
    }

    /** Turns what a receiver answered into the attempt's result. */
    @FunctionalInterface
    public interface Reading {

        /** The plain reading: the status decides, and the Retry-After header. */
        Reading STATUS = (answer, took) -> AttemptResult.status(answer.status(), answer.retryAfter(), took);

        AttemptResult read(Answer answer, Duration took);
    }

    /** The most of a receiver's answer body that is read; the rest is discarded. */
    public static final int MAX_ANSWER_BYTES = 1024;

    public CompletableFuture<AttemptResult> send(Attempt attempt) {
        return send(attempt, Reading.STATUS);
    }

    /** One attempt, its answer read by {@code reading} (a chat channel's refusals, say). */
    public CompletableFuture<AttemptResult> send(Attempt attempt, Reading reading) {
        long started = System.nanoTime();
        CompletableFuture<Message<HttpResponse, String>> exchange = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> {
            PathStamps.stamp("webhook.sending", attempt.webhookId());
            try {
                Future<?> sent = client.execute(request(attempt), new BasicResponseConsumer<>(new BoundedTextConsumer(MAX_ANSWER_BYTES)),
                        new FutureCallback<Message<HttpResponse, String>>() {
                            @Override
                            public void completed(Message<HttpResponse, String> response) {
                                exchange.complete(response);
                            }

                            @Override
                            public void failed(Exception failure) {
                                exchange.completeExceptionally(failure);
                            }

                            @Override
                            public void cancelled() {
                                exchange.completeExceptionally(new TimeoutException("cancelled"));
                            }
                        });
                // Past the hard timeout the exchange is abandoned: cancelling frees its connection.
                exchange.whenComplete((response, failure) -> {
                    if (failure != null) {
                        sent.cancel(true);
                    }
                });
            } catch (RuntimeException e) {
                exchange.completeExceptionally(e);
            }
        }, executor);
        // The response timeout stops waiting between packets; this bounds the whole exchange.
        return exchange.orTimeout(hardTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    if (failure == null) {
                        Duration retryAfter = java.util.Optional.ofNullable(response.getHead().getFirstHeader("Retry-After"))
                                .flatMap(value -> RetryAfter.parse(value.getValue(), clock.instant())).orElse(null);
                        String body = response.getBody() == null ? "" : response.getBody();
                        return reading.read(new Answer(response.getHead().getCode(), retryAfter, body), took)
                                .withResponseBody(AnswerRedaction.redact(body, attempt.url()));
                    }
                    return AttemptResult.error(describe(failure), took);
                });
    }

    private org.apache.hc.core5.http.nio.AsyncRequestProducer request(Attempt attempt) {
        policy.host(attempt.url());
        long timestamp = clock.instant().getEpochSecond();
        String id = attempt.webhookId().toString();
        AsyncRequestBuilder request = AsyncRequestBuilder.post(attempt.url()).addHeader("user-agent", USER_AGENT);
        if (!attempt.secrets().isEmpty()) {
            request.addHeader("webhook-id", id)
                    .addHeader("webhook-timestamp", Long.toString(timestamp))
                    .addHeader("webhook-signature", WebhookSignature.sign(id, timestamp, attempt.body(), attempt.secrets()));
        }
        attempt.traceHeaders().forEach(request::addHeader);
        return request.setEntity(AsyncEntityProducers.create(attempt.body(), ContentType.parse(attempt.contentType()))).build();
    }

    private String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TargetRefused refused) {
            return "target refused: " + refused.getMessage();
        }
        if (cause instanceof PinnedResolver.Refused refused) {
            return "target refused: " + refused.refusal().getMessage();
        }
        if (cause instanceof ConnectTimeoutException) {
            return "connect timed out";
        }
        if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
            return "no response within " + requestTimeout.toMillis() + " ms";
        }
        if (cause instanceof HttpHostConnectException || cause instanceof ConnectException) {
            return "connection refused";
        }
        // The client's messages name at most the host and port (never the path), which the subscriber knows anyway.
        String message = cause.getMessage();
        String described = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return described.length() > 300 ? described.substring(0, 300) : described;
    }
}
