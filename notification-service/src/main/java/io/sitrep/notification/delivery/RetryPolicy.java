package io.sitrep.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: per the retry schedule (with its jitter), or later if the receiver asked
 * for it with Retry-After, but never later than {@code maxRetryAfter} past the schedule's own delay.
 *
 * @param random a source of numbers in [0, 1), for the jitter
 */
public record RetryPolicy(RetrySchedule schedule, Duration maxRetryAfter, DoubleSupplier random) {

    public RetryPolicy {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(random, "random");
    }

    /**
     * The next attempt after {@code attemptsMade} attempts of this round, or empty when the schedule is used up.
     *
     * @param retryAfter what the receiver asked for, or null
     */
    public Optional<Instant> nextAttempt(int attemptsMade, Duration retryAfter, Instant now) {
        return schedule.delayAfter(attemptsMade, random)
                .map(scheduled -> now.plus(RetryAfter.honour(scheduled, retryAfter, maxRetryAfter)));
    }
}
