package io.sitrep.console.maintenance;

import org.springframework.util.MultiValueMap;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a person typed into the form that schedules a maintenance window, kept as typed so that a refused form is shown
 * again unchanged. Its times are local date-times ({@code datetime-local} inputs) in the time zone the form states;
 * the request carries them as instants.
 *
 * @param scheduledFor   the start as typed, e.g. {@code 2026-12-01T22:00}
 * @param scheduledUntil the end as typed
 * @param zone           the time zone both are in, e.g. {@code UTC} or {@code Europe/Berlin}
 * @param components     ids of the components it covers, as ticked
 */
public record MaintenanceForm(String title, String message, List<String> components, String scheduledFor, String scheduledUntil,
                              String zone, boolean autoStart, boolean autoComplete) {

    /** The zone a new form states. */
    public static final String DEFAULT_ZONE = "UTC";

    /** A start this far in the past is accepted, as incident-service accepts it: the form may have taken that long to send. */
    static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);

    /** The furthest ahead a window may start. */
    static final Duration FURTHEST_START = Duration.ofDays(366);

    static final int MAX_TEXT = 100_000;
    static final int MAX_COMPONENTS = 500;

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm", Locale.ROOT);

    public MaintenanceForm {
        title = clean(title);
        message = clean(message);
        components = List.copyOf(components);
        scheduledFor = clean(scheduledFor);
        scheduledUntil = clean(scheduledUntil);
        zone = clean(zone).isEmpty() ? DEFAULT_ZONE : clean(zone);
    }

    /** A new form: starting in an hour, for an hour, starting and completing by itself. */
    static MaintenanceForm blank(Instant now) {
        ZoneId utc = ZoneId.of(DEFAULT_ZONE);
        Instant start = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        return new MaintenanceForm("", "", List.of(), local(start, utc), local(start.plus(Duration.ofHours(1)), utc), DEFAULT_ZONE, true, true);
    }

    static MaintenanceForm from(MultiValueMap<String, String> parameters) {
        List<String> components = new ArrayList<>();
        for (String id : parameters.getOrDefault("components", List.of())) {
            if (id != null && !id.isBlank() && components.size() < MAX_COMPONENTS && !components.contains(id.strip())) {
                components.add(id.strip());
            }
        }
        // An unticked box sends nothing: absent means no.
        return new MaintenanceForm(parameters.getFirst("title"), parameters.getFirst("message"), components,
                parameters.getFirst("scheduledFor"), parameters.getFirst("scheduledUntil"), parameters.getFirst("zone"),
                "true".equals(parameters.getFirst("autoStart")), "true".equals(parameters.getFirst("autoComplete")));
    }

    public boolean covers(String componentId) {
        return components.contains(componentId);
    }

    /**
     * The request to schedule the window at {@code now}, or the fields at fault: a zone that is none, a time that is
     * not one, a start in the past or more than a year ahead, an end not after the start. Other rules (the longest
     * window, the title and message) are incident-service's, which names the field.
     */
    Scheduling scheduleRequest(Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        ZoneId zoneId = null;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            errors.put("zone", "is not a time zone; write one such as UTC or Europe/Berlin");
        }
        Instant start = zoneId == null ? null : instant(scheduledFor, zoneId, "scheduledFor", errors);
        Instant end = zoneId == null ? null : instant(scheduledUntil, zoneId, "scheduledUntil", errors);
        if (start != null && start.isBefore(now.minus(PAST_TOLERANCE))) {
            errors.put("scheduledFor", "must not lie in the past; it is now " + local(now, zoneId) + " " + zone);
        } else if (start != null && start.isAfter(now.plus(FURTHEST_START))) {
            errors.put("scheduledFor", "must be within a year from now");
        }
        if (start != null && end != null && !end.isAfter(start)) {
            errors.put("scheduledUntil", "must be after the start");
        }
        if (!errors.isEmpty()) {
            return new Scheduling(null, errors);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        // Empty ones are sent so that incident-service names the field.
        request.put("title", title);
        request.put("message", message);
        request.put("components", components);
        request.put("scheduledFor", start.toString());
        request.put("scheduledUntil", end.toString());
        request.put("autoStart", autoStart);
        request.put("autoComplete", autoComplete);
        return new Scheduling(request, Map.of());
    }

    /** The request, or the message for each field at fault. */
    record Scheduling(Map<String, Object> request, Map<String, String> errors) {
    }

    /** The earliest start the form's inputs offer, in its zone ({@code min} of the input); empty when the zone is none. */
    public String earliest(Instant now) {
        return inZone(now.truncatedTo(ChronoUnit.MINUTES));
    }

    /** The latest start the form's inputs offer ({@code max} of the input). */
    public String latest(Instant now) {
        return inZone(now.plus(FURTHEST_START).truncatedTo(ChronoUnit.MINUTES));
    }

    private String inZone(Instant instant) {
        try {
            return local(instant, ZoneId.of(zone));
        } catch (DateTimeException e) {
            return "";
        }
    }

    static String local(Instant instant, ZoneId zone) {
        return LOCAL.format(LocalDateTime.ofInstant(instant, zone));
    }

    private static Instant instant(String typed, ZoneId zone, String field, Map<String, String> errors) {
        if (typed.isEmpty()) {
            errors.put(field, "must be given");
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(typed);
            // A time a clock change skips is moved on by the gap, as the zone's rules say.
            return local.atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date and time such as 2026-12-01T22:00");
            return null;
        }
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        return stripped.length() > MAX_TEXT ? stripped.substring(0, MAX_TEXT) : stripped;
    }

    /** The statuses an update may move a started window to. */
    public static List<String> updateStatuses() {
        return List.of("in_progress", "verifying", "completed");
    }
}
