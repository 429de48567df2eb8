package io.sitrep.console.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Wire values in words, so that no status is told by colour alone. */
public final class Words {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Words() {
    }

    /** {@code degraded_performance} as "Degraded performance". */
    public static String of(String wire) {
        if (wire == null || wire.isBlank()) {
            return "";
        }
        String spaced = wire.replace('_', ' ').replace('-', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** An RFC 3339 instant as a short UTC time; as given when it is not one. */
    public static String time(String instant) {
        if (instant == null || instant.isBlank()) {
            return "";
        }
        try {
            return TIME.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }
}
