package io.sitrep.notification.notice;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How maintenance emails write times: a window in UTC and in the page's time zone, and how soon a window starts. */
public final class MaintenanceTimes {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);

    private MaintenanceTimes() {
    }

    /** True when {@code zone} is UTC under another name ({@code UTC}, {@code Z}, {@code Etc/UTC}, …). */
    public static boolean isUtc(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC);
    }

    /**
     * A window as a reader of that zone writes it: "9 November 2025, 03:00–05:00 UTC" within a day,
     * "9 November 2025, 23:00 – 10 November 2025, 01:00 UTC" across midnight. Outside UTC the zone's
     * abbreviation and id follow ("04:00–06:00 CET (Europe/Berlin)"), each end with its own abbreviation when a
     * change of daylight saving time falls inside the window.
     */
    public static String window(Instant from, Instant until, ZoneId zone) {
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = until.atZone(zone);
        boolean utc = isUtc(zone);
        String startName = utc ? "UTC" : ZONE_NAME.format(start);
        String endName = utc ? "UTC" : ZONE_NAME.format(end);
        String suffix = utc ? "" : " (" + zone.getId() + ")";
        boolean sameDay = start.toLocalDate().equals(end.toLocalDate());
        String endText = (sameDay ? TIME : DAY_AND_TIME).format(end);
        String separator = sameDay ? "–" : " – ";
        if (!startName.equals(endName)) {
            return DAY_AND_TIME.format(start) + " " + startName + separator + endText + " " + endName + suffix;
        }
        return DAY_AND_TIME.format(start) + separator + endText + " " + startName + suffix;
    }

    /** An instant in UTC: "9 November 2025, 04:31 UTC". */
    public static String utc(Instant at) {
        return DAY_AND_TIME.format(at.atZone(ZoneOffset.UTC)) + " UTC";
    }

    /** How long until a start, to the nearest minute: "1 hour", "1 day 2 hours", "45 minutes"; "less than a minute" below that. */
    public static String startsIn(Duration until) {
        long minutes = until.plusSeconds(30).toMinutes();
        if (minutes < 1) {
            return "less than a minute";
        }
        List<String> parts = new ArrayList<>(3);
        add(parts, minutes / (24 * 60), "day");
        add(parts, minutes / 60 % 24, "hour");
        add(parts, minutes % 60, "minute");
        return String.join(" ", parts);
    }

    private static void add(List<String> parts, long n, String unit) {
        if (n > 0) {
            parts.add(n + " " + unit + (n == 1 ? "" : "s"));
        }
    }
}
