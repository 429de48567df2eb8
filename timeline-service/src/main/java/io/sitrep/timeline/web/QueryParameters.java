package io.sitrep.timeline.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Parses query parameters, refusing a bad value with an {@link InvalidParameter} that names the parameter. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The earliest instant a query may name. */
    public static final Instant EARLIEST = Instant.EPOCH;
    /** How far after now a query may name an instant. */
    public static final Duration AHEAD = Duration.ofDays(1);

    /**
     * An RFC 3339 instant from {@link #EARLIEST} to a day after now; null when the parameter is absent.
     * Outside that range the database could not compare it, and no incident lies there.
     */
    public static Instant instant(String name, String value, Clock clock) {
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name, "'" + printable(value) + "' is not an RFC 3339 timestamp, such as 2026-01-31T12:00:00Z");
        }
        return inRange(name, instant, clock);
    }

    /** The instant, when it lies from {@link #EARLIEST} to a day after now. */
    public static Instant inRange(String name, Instant instant, Clock clock) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(clock.instant().plus(AHEAD))) {
            throw new InvalidParameter(name, "must be from " + EARLIEST + " to a day from now");
        }
        return instant;
    }

    /** A text of at most {@code maxLength} characters, not blank and without control characters; null when absent. */
    public static String text(String name, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new InvalidParameter(name, "must not be blank");
        }
        if (value.length() > maxLength) {
            throw new InvalidParameter(name, "must be at most " + maxLength + " characters");
        }
        if (!XmlText.clean(value).equals(value) || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidParameter(name, "must not contain control characters or unpaired surrogates");
        }
        return value;
    }

    /** The value as it may be shown back in an answer: printable, and short. */
    public static String printable(String value) {
        String shown = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        StringBuilder out = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || (c >= 0xD800 && c <= 0xDFFF) ? '\uFFFD' : c));
        return out.toString();
    }

    /** An integer from {@code min} to {@code max}; {@code fallback} when the parameter is absent. */
    public static int integer(String name, String value, int min, int max, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameter(name, "'" + printable(value) + "' is not a whole number from " + min + " to " + max);
    }

    /** One of an enum's constants, by its lower-case name; {@code fallback} when absent. */
    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type, E fallback) {
        if (value == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
                return constant;
            }
        }
        throw new InvalidParameter(name, "'" + printable(value) + "' is not one of "
                + String.join(", ", Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
    }
}
