package io.sitrep.notification.subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a subscription's deliveries are faring, and what that means: after {@code failingAfter} failed attempts in a
 * row it is failing (told once per run of failures); an active subscription whose attempts all failed for
 * {@code disableAfter} is disabled; the first success after a run of failures recovers it.
 *
 * @param consecutiveFailures failed attempts in a row
 * @param failingSince        the first failed attempt of the current run; null when the last attempt succeeded
 * @param failingReported     whether delivery.failing was published for this run
 * @param status              the subscription's status
 */
public record SubscriptionHealth(int consecutiveFailures, Instant failingSince, boolean failingReported, SubscriptionStatus status) {

    public SubscriptionHealth {
        Objects.requireNonNull(status, "status");
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutive failures cannot be negative");
        }
    }

    /** A subscription whose last attempt succeeded, or that has had none. */
    public static SubscriptionHealth healthy(SubscriptionStatus status) {
        return new SubscriptionHealth(0, null, false, status);
    }

    /**
     * The rules health follows.
     *
     * @param failingAfter failed attempts in a row after which a subscription is failing
     * @param disableAfter how long an active subscription may fail every attempt before it is disabled
     */
    public record Rules(int failingAfter, Duration disableAfter) {

        public Rules {
            Objects.requireNonNull(disableAfter, "disableAfter");
            if (failingAfter < 1) {
                throw new IllegalArgumentException("failingAfter must be at least 1");
            }
        }
    }

    /** The health after one more failed attempt, made at {@code attemptedAt}. */
    public SubscriptionHealth failedAt(Instant attemptedAt) {
        return new SubscriptionHealth(consecutiveFailures + 1, failingSince == null ? attemptedAt : failingSince, failingReported, status);
    }

    /** The health after a success: the run of failures, if any, is over. */
    public SubscriptionHealth succeeded() {
        return healthy(status);
    }

    /** After a failure: whether delivery.failing is to be published now (an active subscription, once per run). */
    public boolean failingToReport(Rules rules) {
        return active() && !failingReported && consecutiveFailures >= rules.failingAfter();
    }

    /** The health once delivery.failing was published for this run. */
    public SubscriptionHealth failingReportedNow() {
        return new SubscriptionHealth(consecutiveFailures, failingSince, true, status);
    }

    /** After a failure: whether the subscription is to be disabled, every attempt having failed for {@code disableAfter} or more. */
    public boolean failingTooLong(Rules rules, Instant now) {
        return active() && failingSince != null && !failingSince.isAfter(now.minus(rules.disableAfter()));
    }

    /** Before a success: whether that success ends a run of failures (and the outage's dead letters go out again). */
    public boolean recovers() {
        return failingSince != null;
    }

    /**
     * Before a success that {@link #recovers}: whether delivery.recovered is to be published, which it is when
     * delivery.failing was, or when dead letters were re-driven.
     */
    public boolean recoveryToReport(int redriven) {
        return recovers() && (failingReported || redriven > 0);
    }

    private boolean active() {
        return status == SubscriptionStatus.ACTIVE;
    }
}
