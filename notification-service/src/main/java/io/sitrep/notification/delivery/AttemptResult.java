package io.sitrep.notification.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * What one attempt got: an HTTP status (with Retry-After if the receiver sent one), or an error
 * before any status (connection refused, timeout, a refused target, an SMTP failure).
 *
 * @param statusCode the HTTP status, or null when there was none
 * @param error      what went wrong, for people; null on success
 * @param retryAfter the receiver's Retry-After, or null
 * @param duration   from the start of the attempt to its result
 * @param gone       the receiver said, other than by a 410, that it is gone for good (Slack's 404 {@code no_service},
 *                   say): the subscription is disabled as after a 410
 * @param responseBody the start of the receiver's answer, at most {@value #MAX_RESPONSE_BODY} characters, secrets
 *                   redacted; null when there was no answer
 */
public record AttemptResult(Integer statusCode, String error, Duration retryAfter, Duration duration, boolean gone,
                            String responseBody) {

    /** The most of an answer's body that is kept with the attempt. */
    public static final int MAX_RESPONSE_BODY = 1024;

    public AttemptResult {
        Objects.requireNonNull(duration, "duration");
        if (responseBody != null && responseBody.length() > MAX_RESPONSE_BODY) {
            responseBody = responseBody.substring(0, MAX_RESPONSE_BODY);
        }
    }

    public AttemptResult(Integer statusCode, String error, Duration retryAfter, Duration duration, boolean gone) {
        this(statusCode, error, retryAfter, duration, gone, null);
    }

    public AttemptResult(Integer statusCode, String error, Duration retryAfter, Duration duration) {
        this(statusCode, error, retryAfter, duration, false, null);
    }

    /** A refusal that means the receiver is gone for good; {@code error} says what it answered. */
    public static AttemptResult gone(int statusCode, String error, Duration duration) {
        return new AttemptResult(statusCode, Objects.requireNonNull(error, "error"), null, duration, true);
    }

    /** The same result, retried no sooner than {@code retryAfter} (a receiver that said so in its body). */
    public AttemptResult withRetryAfter(Duration retryAfter) {
        return new AttemptResult(statusCode, error, retryAfter, duration, gone, responseBody);
    }

    /** The same result, with the start of the answer's body (already redacted). */
    public AttemptResult withResponseBody(String responseBody) {
        return new AttemptResult(statusCode, error, retryAfter, duration, gone, responseBody);
    }

    public static AttemptResult status(int statusCode, Duration retryAfter, Duration duration) {
        return new AttemptResult(statusCode, statusCode / 100 == 2 ? null : "HTTP " + statusCode, retryAfter, duration);
    }

    public static AttemptResult error(String error, Duration duration) {
        return new AttemptResult(null, Objects.requireNonNull(error, "error"), null, duration);
    }

    /** A delivery whose attempt succeeded (an email accepted by the SMTP server, for instance). */
    public static AttemptResult accepted(Duration duration) {
        return new AttemptResult(null, null, null, duration);
    }

    /** The verdict on the attempt. */
    public Verdict verdict() {
        if (statusCode == null) {
            return error == null ? Verdict.DELIVERED : Verdict.RETRY;
        }
        if (gone) {
            return Verdict.GONE;
        }
        if (statusCode / 100 == 2) {
            return Verdict.DELIVERED;
        }
        return statusCode == 410 ? Verdict.GONE : Verdict.RETRY;
    }

    /**
     * True when the attempt says the receiving host is in trouble, which counts against its circuit
     * breaker: no answer, 429 or 5xx. Other 4xx come from a host that is up.
     */
    public boolean hostFailed() {
        if (statusCode == null) {
            return error != null;
        }
        return statusCode == 429 || statusCode >= 500;
    }

    /** What an attempt's result means for the delivery. */
    public enum Verdict {
        /** 2xx: delivered. */
        DELIVERED,
        /** 410, or a channel's own way of saying it is gone: the receiver wants nothing more; the subscription is disabled. */
        GONE,
        /** Anything else: a failed attempt, retried per schedule. */
        RETRY
    }
}
