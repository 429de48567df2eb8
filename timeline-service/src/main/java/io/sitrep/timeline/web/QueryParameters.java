package io.sitrep.timeline.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Parses query parameters, refusing a bad value with an {@link InvalidParameter} that names the parameter. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** An RFC 3339 instant; null when the parameter is absent. */
    public static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name, "'" + value + "' is not an RFC 3339 timestamp, such as 2026-01-31T12:00:00Z");
        }
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
        throw new InvalidParameter(name, "'" + value + "' is not a whole number from " + min + " to " + max);
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
        throw new InvalidParameter(name, "'" + value + "' is not one of "
                + String.join(", ", Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
    }
}
