package io.sitrep.timeline.readmodel;

import io.sitrep.events.ComponentStatus;

import java.time.LocalDate;
import java.util.Map;

/**
 * One UTC day of a component's uptime.
 *
 * @param minutes       minutes spent in each non-operational status that occurred that day
 * @param uptimePercent the share of the observed part of the day without a partial or major outage,
 *                      0 to 100 with two decimals; null when the component did not exist yet
 */
public record UptimeDay(LocalDate date, Map<ComponentStatus, Long> minutes, Double uptimePercent) {

    public UptimeDay {
        minutes = Map.copyOf(minutes);
    }
}
