package io.sitrep.timeline.readmodel;

import io.sitrep.events.ComponentStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a component's daily uptime from its status changes. A minute counts as down while the
 * component is in {@code partial_outage} or {@code major_outage}; degraded performance and maintenance
 * count as up but are reported. Days are UTC; time before the component's creation is not observed.
 */
public final class Uptime {

    private Uptime() {
    }

    /**
     * @param changes the component's status changes, in any order
     * @param days    how many days, ending with the day of {@code now}
     */
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
            long observed = Math.max(0, Duration.between(observedFrom, dayEnd).toSeconds());
            if (observed == 0) {
                result.add(new UptimeDay(date, Map.of(), null));
                continue;
            }
            Map<ComponentStatus, Long> seconds = new EnumMap<>(ComponentStatus.class);
            for (Interval interval : intervals) {
                long overlap = Duration.between(max(interval.from, observedFrom), min(interval.to, dayEnd)).toSeconds();
                if (overlap > 0 && interval.status != ComponentStatus.OPERATIONAL) {
                    seconds.merge(interval.status, overlap, Long::sum);
                }
            }
            long down = seconds.getOrDefault(ComponentStatus.PARTIAL_OUTAGE, 0L) + seconds.getOrDefault(ComponentStatus.MAJOR_OUTAGE, 0L);
            Map<ComponentStatus, Long> minutes = new EnumMap<>(ComponentStatus.class);
            seconds.forEach((status, s) -> minutes.put(status, Math.round(s / 60.0)));
            result.add(new UptimeDay(date, minutes, percent(observed, down)));
            observedTotal += observed;
            downTotal += down;
        }
        return new UptimeReport(component.id(), result, observedTotal == 0 ? null : percent(observedTotal, downTotal));
    }

    private static double percent(long observed, long down) {
        return Math.round(10_000.0 * (observed - down) / observed) / 100.0;
    }

    /** The statuses from the component's creation until now; a change never moves time backwards. */
    private static List<Interval> intervals(ComponentView component, List<StatusChange> changes, Instant now) {
        List<StatusChange> ordered = changes.stream().sorted(Comparator.comparingLong(StatusChange::version)).toList();
        List<Interval> intervals = new ArrayList<>();
        Instant from = component.createdAt();
        ComponentStatus status = ordered.isEmpty() ? component.status() : ordered.get(0).previousStatus();
        for (StatusChange change : ordered) {
            Instant at = max(change.occurredAt(), from);
            intervals.add(new Interval(from, at, status));
            from = at;
            status = change.status();
        }
        intervals.add(new Interval(from, max(now, from), status));
        return intervals;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record Interval(Instant from, Instant to, ComponentStatus status) {
    }
}
