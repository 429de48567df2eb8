package io.sitrep.timeline.readmodel;

import java.util.List;

/**
 * A component's uptime over a number of days, oldest day first.
 *
 * @param uptimePercent over every observed minute of the period; null when none was observed
 */
public record UptimeReport(String componentId, List<UptimeDay> days, Double uptimePercent) {

    public UptimeReport {
        days = List.copyOf(days);
    }
}
