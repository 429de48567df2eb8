package io.sitrep.notification.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When each attempt of a delivery is due, counted from the attempt before it: the first entry is
 * the delay before the first attempt, and a delivery gets as many attempts as there are entries.
 * Each delay is spread by a random jitter of ± {@code jitter} (a fraction), so that the retries of
 * many deliveries that failed together do not return together.
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule needs at least one attempt");
        }
        if (delays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("retry delays cannot be negative");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be at least 0 and below 1, was " + jitter);
        }
    }

    /** How many attempts a delivery gets. */
    public int attempts() {
        return delays.size();
    }

    /**
     * The delay before the next attempt after {@code attemptsMade} attempts, or empty when the
     * schedule is used up.
     *
     * @param random a source of numbers in [0, 1)
     */
    public Optional<Duration> delayAfter(int attemptsMade, DoubleSupplier random) {
        if (attemptsMade < 0) {
            throw new IllegalArgumentException("attempts made cannot be negative");
        }
        if (attemptsMade >= delays.size()) {
            return Optional.empty();
        }
        Duration delay = delays.get(attemptsMade);
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Optional.of(Duration.ofNanos(Math.round(delay.toNanos() * factor)));
    }
}
