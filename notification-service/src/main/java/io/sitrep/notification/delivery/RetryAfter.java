package io.sitrep.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a Retry-After header (RFC 9110): delay-seconds or an HTTP date. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** The delay it asks for from {@code now}; empty when absent or unreadable, zero when in the past. */
    public static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration delay = Duration.between(now, at);
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The delay before the next attempt: the schedule's, or the receiver's Retry-After if that is
     * later, but never more than {@code max}, so that a receiver cannot park a delivery for days.
     */
    public static Duration honour(Duration scheduled, Duration retryAfter, Duration max) {
        if (retryAfter == null || retryAfter.compareTo(scheduled) <= 0) {
            return scheduled;
        }
        return retryAfter.compareTo(max) > 0 ? (scheduled.compareTo(max) > 0 ? scheduled : max) : retryAfter;
    }
}
