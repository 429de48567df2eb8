package io.sitrep.timeline.readmodel;

import io.sitrep.events.ComponentStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UptimeTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void aComponentWithoutChangesIsUpEveryObservedDay() {
        ComponentView component = component(Instant.parse("2026-03-08T18:00:00Z"), ComponentStatus.OPERATIONAL);

        UptimeReport report = Uptime.of(component, List.of(), 4, NOW);

        assertThat(report.days()).extracting(UptimeDay::date).containsExactly(LocalDate.parse("2026-03-07"),
                LocalDate.parse("2026-03-08"), LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-10"));
        assertThat(report.days()).extracting(UptimeDay::uptimePercent).containsExactly(null, 100.0, 100.0, 100.0);
        assertThat(report.uptimePercent()).isEqualTo(100.0);
    }

    @Test
    void partialAndMajorOutagesCountAsDownDegradedAndMaintenanceAsUp() {
        ComponentView component = component(Instant.parse("2026-03-01T00:00:00Z"), ComponentStatus.OPERATIONAL);
        List<StatusChange> changes = List.of(
                change(1, ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL, "2026-03-09T06:00:00Z"),
                change(2, ComponentStatus.MAJOR_OUTAGE, ComponentStatus.PARTIAL_OUTAGE, "2026-03-09T07:00:00Z"),
                change(3, ComponentStatus.UNDER_MAINTENANCE, ComponentStatus.MAJOR_OUTAGE, "2026-03-09T08:00:00Z"),
                change(4, ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.UNDER_MAINTENANCE, "2026-03-09T09:00:00Z"),
                change(5, ComponentStatus.OPERATIONAL, ComponentStatus.DEGRADED_PERFORMANCE, "2026-03-09T10:30:00Z"));

        UptimeReport report = Uptime.of(component, changes, 2, NOW);

        UptimeDay day = report.days().get(0);
        assertThat(day.minutes()).containsEntry(ComponentStatus.PARTIAL_OUTAGE, 60L)
                .containsEntry(ComponentStatus.MAJOR_OUTAGE, 60L)
                .containsEntry(ComponentStatus.UNDER_MAINTENANCE, 60L)
                .containsEntry(ComponentStatus.DEGRADED_PERFORMANCE, 90L)
                .doesNotContainKey(ComponentStatus.OPERATIONAL);
        assertThat(day.uptimePercent()).isEqualTo(91.67);
        assertThat(report.days().get(1).uptimePercent()).isEqualTo(100.0);
    }

    @Test
    void anOutageAcrossMidnightCountsOnBothDays() {
        ComponentView component = component(Instant.parse("2026-03-01T00:00:00Z"), ComponentStatus.OPERATIONAL);
        List<StatusChange> changes = List.of(
                change(1, ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL, "2026-03-08T23:00:00Z"),
                change(2, ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE, "2026-03-09T02:00:00Z"));

        UptimeReport report = Uptime.of(component, changes, 3, NOW);

        assertThat(report.days().get(0).minutes()).containsEntry(ComponentStatus.MAJOR_OUTAGE, 60L);
        assertThat(report.days().get(1).minutes()).containsEntry(ComponentStatus.MAJOR_OUTAGE, 120L);
    }

    @Test
    void anOngoingOutageCountsUntilNow() {
        ComponentView component = component(Instant.parse("2026-03-01T00:00:00Z"), ComponentStatus.MAJOR_OUTAGE);
        List<StatusChange> changes = List.of(change(1, ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL, "2026-03-10T06:00:00Z"));

        UptimeReport report = Uptime.of(component, changes, 1, NOW);

        assertThat(report.days().get(0).minutes()).containsEntry(ComponentStatus.MAJOR_OUTAGE, 360L);
        assertThat(report.days().get(0).uptimePercent()).isEqualTo(50.0);
    }

    @Test
    void aBackfilledChangeNeverMovesTimeBackwards() {
        ComponentView component = component(Instant.parse("2026-03-01T00:00:00Z"), ComponentStatus.OPERATIONAL);
        List<StatusChange> changes = List.of(
                change(1, ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL, "2026-03-09T10:00:00Z"),
                change(2, ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE, "2026-03-09T09:00:00Z"));

        UptimeReport report = Uptime.of(component, changes, 2, NOW);

        assertThat(report.days().get(0).uptimePercent()).isEqualTo(100.0);
    }

    // Issue 14: maintenance minutes are not downtime; a window that runs over midnight is up on both days.
    @Test
    void aMaintenanceWindowIsNotDowntimeButItsMinutesAreReported() {
        ComponentView component = component(Instant.parse("2026-03-01T00:00:00Z"), ComponentStatus.OPERATIONAL);
        List<StatusChange> changes = List.of(
                change(1, ComponentStatus.UNDER_MAINTENANCE, ComponentStatus.OPERATIONAL, "2026-03-09T22:00:00Z"),
                change(2, ComponentStatus.OPERATIONAL, ComponentStatus.UNDER_MAINTENANCE, "2026-03-10T02:00:00Z"));

        UptimeReport report = Uptime.of(component, changes, 2, NOW);

        assertThat(report.days().get(0).minutes()).containsExactly(java.util.Map.entry(ComponentStatus.UNDER_MAINTENANCE, 120L));
        assertThat(report.days().get(1).minutes()).containsExactly(java.util.Map.entry(ComponentStatus.UNDER_MAINTENANCE, 120L));
        assertThat(report.days()).extracting(UptimeDay::uptimePercent).containsExactly(100.0, 100.0);
        assertThat(report.uptimePercent()).isEqualTo(100.0);
    }

    // Issue 14: an outage during a maintenance window (an incident changed the component meanwhile) is downtime all the same.
    @Test
    void anOutageDuringAMaintenanceWindowIsStillDowntime() {
        ComponentView component = component(Instant.parse("2026-03-01T00:00:00Z"), ComponentStatus.OPERATIONAL);
        List<StatusChange> changes = List.of(
                change(1, ComponentStatus.UNDER_MAINTENANCE, ComponentStatus.OPERATIONAL, "2026-03-09T06:00:00Z"),
                change(2, ComponentStatus.MAJOR_OUTAGE, ComponentStatus.UNDER_MAINTENANCE, "2026-03-09T07:00:00Z"),
                change(3, ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE, "2026-03-09T08:12:00Z"));

        UptimeReport report = Uptime.of(component, changes, 2, NOW);

        UptimeDay day = report.days().get(0);
        assertThat(day.minutes()).containsEntry(ComponentStatus.UNDER_MAINTENANCE, 60L).containsEntry(ComponentStatus.MAJOR_OUTAGE, 72L);
        assertThat(day.uptimePercent()).isEqualTo(95.0);
    }

    // Issue 16: a 20-second major outage on a day observed for an hour showed "99.44% uptime, major outage 0 min" and a green bar.
    @Test
    void aShortOutageShowsItsMinutesAndMarksTheDay() {
        ComponentView component = component(Instant.parse("2026-03-10T11:00:00Z"), ComponentStatus.OPERATIONAL);
        List<StatusChange> changes = List.of(
                change(1, ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL, "2026-03-10T11:20:00Z"),
                change(2, ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE, "2026-03-10T11:20:20Z"));

        UptimeReport report = Uptime.of(component, changes, 1, NOW);

        UptimeDay day = report.days().get(0);
        assertThat(day.minutes()).containsEntry(ComponentStatus.MAJOR_OUTAGE, 1L);
        assertThat(day.worst()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(day.uptimePercent()).isEqualTo(99.44);
    }

    // Issue 16: a second of outage in a whole day is not rounded up to a clean 100 %.
    @Test
    void anyDowntimeKeepsTheDayBelowAHundredPercent() {
        ComponentView component = component(Instant.parse("2026-03-01T00:00:00Z"), ComponentStatus.OPERATIONAL);
        List<StatusChange> changes = List.of(
                change(1, ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL, "2026-03-09T10:00:00Z"),
                change(2, ComponentStatus.OPERATIONAL, ComponentStatus.PARTIAL_OUTAGE, "2026-03-09T10:00:01Z"));

        UptimeReport report = Uptime.of(component, changes, 2, NOW);

        assertThat(report.days().get(0).uptimePercent()).isEqualTo(99.99);
        assertThat(report.days().get(0).worst()).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
        assertThat(report.uptimePercent()).isLessThan(100.0);
    }

    @Test
    void daysBeforeTheComponentExistedHaveNoDataAndNoWorstStatus() {
        ComponentView component = component(Instant.parse("2026-03-10T06:00:00Z"), ComponentStatus.OPERATIONAL);

        UptimeReport report = Uptime.of(component, List.of(), 3, NOW);

        assertThat(report.days()).extracting(UptimeDay::observed).containsExactly(false, false, true);
        assertThat(report.days().get(0).worst()).isNull();
        assertThat(report.days().get(2).worst()).isEqualTo(ComponentStatus.OPERATIONAL);
    }

    @Test
    void aDayNamesTheIncidentsThatChangedTheComponentThatDay() {
        ComponentView component = component(Instant.parse("2026-03-01T00:00:00Z"), ComponentStatus.OPERATIONAL);
        java.util.UUID incident = java.util.UUID.randomUUID();
        List<StatusChange> changes = List.of(
                new StatusChange(1, ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL, incident, Instant.parse("2026-03-08T23:00:00Z")),
                new StatusChange(2, ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE, incident, Instant.parse("2026-03-09T01:00:00Z")));

        UptimeReport report = Uptime.of(component, changes, 3, NOW);

        assertThat(report.days().get(0).incidents()).containsExactly(incident);
        assertThat(report.days().get(1).incidents()).containsExactly(incident);
        assertThat(report.days().get(2).incidents()).isEmpty();
    }

    private static ComponentView component(Instant createdAt, ComponentStatus status) {
        return new ComponentView("api", "Public API", null, null, status, createdAt, createdAt, 1);
    }

    private static StatusChange change(long version, ComponentStatus status, ComponentStatus previous, String at) {
        return new StatusChange(version, status, previous, null, Instant.parse(at));
    }
}
