package io.sitrep.timeline.component.web;

import io.sitrep.timeline.readmodel.UptimeDay;
import io.sitrep.timeline.readmodel.UptimeReport;
import jakarta.annotation.Nullable;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A component's uptime, one entry a UTC day, oldest first.
 *
 * @param uptimePercent over the whole period; null when the component did not exist during it
 */
record UptimeResponse(String componentId, @Nullable Double uptimePercent, List<UptimeDayResponse> days) {

    /**
     * @param minutes       minutes in each non-operational status that day, by status
     * @param uptimePercent null for a day before the component existed
     */
    record UptimeDayResponse(LocalDate date, @Nullable Double uptimePercent, Map<String, Long> minutes) {
    }

    static UptimeResponse of(UptimeReport report) {
        return new UptimeResponse(report.componentId(), report.uptimePercent(), report.days().stream().map(UptimeResponse::day).toList());
    }

    private static UptimeDayResponse day(UptimeDay day) {
        Map<String, Long> minutes = new LinkedHashMap<>();
        day.minutes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> minutes.put(entry.getKey().wireName(), entry.getValue()));
        return new UptimeDayResponse(day.date(), day.uptimePercent(), minutes);
    }
}
