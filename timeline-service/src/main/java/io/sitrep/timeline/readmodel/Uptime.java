package io.sitrep.timeline.readmodel;

import io.sitrep.events.ComponentStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Computes a component's daily uptime from its status changes: the one formula behind the page's bars, the
 * {@code /api/v1/components/{id}/uptime} answer and the static export.
 * <p>
 * {@code uptime % = 100 × (observed − down) / observed}, rounded to two decimals (at most 99.99 when there was any downtime), where {@code observed} is the
 * part of the UTC day (or period) after the component's first event and before now, and {@code down} the time in
 * {@code partial_outage} or {@code major_outage} within it. Degraded performance and maintenance count as up but are
 * reported. Time is counted to the millisecond; reported minutes round up, so a status that occurred shows at least one.
 * A day with nothing observed has no percentage (no data).
 */
public final class Uptime {

    private Uptime() {
    }

    /**
     * @param changes the component's status changes, in any order
     * @param days    how many days, ending with the day of {@code now}
     */
    private static final long MINUTE_MILLIS = 60_000;

    public static UptimeReport of(ComponentView component, List<StatusChange> changes, int days, Instant now) {
        List<Interval> intervals = intervals(component, changes, now);
        LocalDate last = now.atZone(ZoneOffset.UTC).toLocalDate();
        List<UptimeDay> result = new ArrayList<>(days);
        long observedTotal = 0;
        long downTotal = 0;
        for (LocalDate date = last.minusDays(days - 1L); !date.isAfter(last); date = date.plusDays(1)) {
            Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant dayEnd = min(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), now);
            Instant observedFrom = max(dayStart, component.createdAt());
            long observed = Math.max(0, Duration.between(observedFrom, dayEnd).toMillis());
            if (observed == 0) {
                result.add(new UptimeDay(date, Map.of(), null));
                continue;
            }
            Map<ComponentStatus, Long> seconds = new EnumMap<>(ComponentStatus.class);
            Set<UUID> incidents = new LinkedHashSet<>();
            for (Interval interval : intervals) {
                long overlap = Duration.between(max(interval.from, observedFrom), min(interval.to, dayEnd)).toMillis();
                if (overlap > 0 && interval.status != ComponentStatus.OPERATIONAL) {
                    seconds.merge(interval.status, overlap, Long::sum);
                    if (interval.incidentId != null) {
                        incidents.add(interval.incidentId);
                    }
                }
            }
            long down = seconds.getOrDefault(ComponentStatus.PARTIAL_OUTAGE, 0L) + seconds.getOrDefault(ComponentStatus.MAJOR_OUTAGE, 0L);
            Map<ComponentStatus, Long> minutes = new EnumMap<>(ComponentStatus.class);
            // Issue 16: rounded to the nearest minute, a 20-second outage was "0 min" and left the day green.
            seconds.forEach((status, millis) -> minutes.put(status, (millis + MINUTE_MILLIS - 1) / MINUTE_MILLIS));
            result.add(new UptimeDay(date, minutes, percent(observed, down), List.copyOf(incidents)));
            observedTotal += observed;
            downTotal += down;
        }
        return new UptimeReport(component.id(), result, observedTotal == 0 ? null : percent(observedTotal, downTotal));
    }

    /** Rounded to two decimals, but any downtime stays below 100 %. */
    private static double percent(long observed, long down) {
        double percent = Math.round(10_000.0 * (observed - down) / observed) / 100.0;
        return down > 0 ? Math.min(percent, 99.99) : percent;
    }

    /** The statuses from the component's creation until now; a change never moves time backwards. */
    private static List<Interval> intervals(ComponentView component, List<StatusChange> changes, Instant now) {
        List<StatusChange> ordered = changes.stream().sorted(Comparator.comparingLong(StatusChange::version)).toList();
        List<Interval> intervals = new ArrayList<>();
        Instant from = component.createdAt();
        ComponentStatus status = ordered.isEmpty() ? component.status() : ordered.get(0).previousStatus();
        UUID incident = null;
        for (StatusChange change : ordered) {
            Instant at = max(change.occurredAt(), from);
            intervals.add(new Interval(from, at, status, incident));
            from = at;
            status = change.status();
            incident = change.incidentId();
        }
        intervals.add(new Interval(from, max(now, from), status, incident));
        return intervals;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record Interval(Instant from, Instant to, ComponentStatus status, UUID incidentId) {
    }
}
