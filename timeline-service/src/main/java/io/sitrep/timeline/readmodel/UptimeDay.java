package io.sitrep.timeline.readmodel;

import io.sitrep.events.ComponentStatus;
import jakarta.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One UTC day of a component's uptime.
 *
 * @param minutes       minutes spent in each non-operational status that occurred that day; any part of a minute counts as
 *                      a whole one, so a status that occurred at all shows at least one minute
 * @param uptimePercent the share of the observed part of the day without a partial or major outage, 0 to 100 with two decimals
 *                      (any downtime stays below 100); null when the component did not exist yet
 * @param incidents     the incidents that changed the component while it was not operational that day, in order of change
 */
public record UptimeDay(LocalDate date, Map<ComponentStatus, Long> minutes, @Nullable Double uptimePercent, List<UUID> incidents) {

    /** Worst first: what a day's colour shows. */
    private static final List<ComponentStatus> SEVERITY = List.of(ComponentStatus.MAJOR_OUTAGE, ComponentStatus.PARTIAL_OUTAGE,
            ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.UNDER_MAINTENANCE);

    public UptimeDay {
        minutes = Map.copyOf(minutes);
        incidents = List.copyOf(incidents);
    }

    public UptimeDay(LocalDate date, Map<ComponentStatus, Long> minutes, @Nullable Double uptimePercent) {
        this(date, minutes, uptimePercent, List.of());
    }

    /** False for a day before the component existed: no data, which is not the same as operational. */
    public boolean observed() {
        return uptimePercent != null;
    }

    /**
     * The worst status the component was in that day (major outage, partial outage, degraded performance, maintenance,
     * else operational); null for a day without data.
     */
    public @Nullable ComponentStatus worst() {
        if (!observed()) {
            return null;
        }
        for (ComponentStatus status : SEVERITY) {
            if (minutes.getOrDefault(status, 0L) > 0) {
                return status;
            }
        }
        return ComponentStatus.OPERATIONAL;
    }
}
