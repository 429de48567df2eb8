package io.sitrep.console.maintenance;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MaintenanceFormTest {

    private static final Instant NOW = Instant.parse("2026-03-28T12:00:00Z");

    private static MaintenanceForm typed(String zone, String start, String end) {
        return new MaintenanceForm("Upgrade", "We upgrade.", List.of("db"), start, end, zone, true, true);
    }

    @Test
    void turnsTheTimesTypedInTheStatedZoneIntoInstants() {
        MaintenanceForm form = typed("Europe/Berlin", "2026-03-28T22:00", "2026-03-28T23:30");

        MaintenanceForm.Scheduling scheduling = form.scheduleRequest(NOW);

        assertThat(scheduling.errors()).isEmpty();
        assertThat(scheduling.request()).containsEntry("scheduledFor", "2026-03-28T21:00:00Z").containsEntry("scheduledUntil", "2026-03-28T22:30:00Z");
    }

    @Test
    void movesATimeAClockChangeSkipsOnByTheGap() {
        // 02:30 on 29 March 2026 does not exist in Berlin: the clocks go from 02:00 to 03:00 (01:00 UTC).
        MaintenanceForm form = typed("Europe/Berlin", "2026-03-29T02:30", "2026-03-29T04:00");

        MaintenanceForm.Scheduling scheduling = form.scheduleRequest(NOW);

        assertThat(scheduling.request()).containsEntry("scheduledFor", "2026-03-29T01:30:00Z").containsEntry("scheduledUntil", "2026-03-29T02:00:00Z");
    }

    @Test
    void acceptsAStartThisMinuteAsIncidentServiceDoes() {
        MaintenanceForm form = typed("UTC", "2026-03-28T11:59", "2026-03-28T12:30");

        assertThat(form.scheduleRequest(NOW).errors()).isEmpty();
    }

    @Test
    void namesAStartInThePastOrMoreThanAYearAheadAndAnEndNotAfterTheStart() {
        assertThat(typed("UTC", "2026-03-28T11:58", "2026-03-28T12:30").scheduleRequest(NOW).errors())
                .containsOnlyKeys("scheduledFor").extractingByKey("scheduledFor").asString().startsWith("must not lie in the past");
        assertThat(typed("UTC", "2027-04-01T10:00", "2027-04-01T11:00").scheduleRequest(NOW).errors())
                .containsEntry("scheduledFor", "must be within a year from now");
        assertThat(typed("UTC", "2026-03-28T14:00", "2026-03-28T14:00").scheduleRequest(NOW).errors())
                .containsExactly(Map.entry("scheduledUntil", "must be after the start"));
    }

    @Test
    void namesAZoneThatIsNoneAndTimesThatAreNone() {
        assertThat(typed("Mars/Olympus", "2026-03-28T22:00", "2026-03-28T23:00").scheduleRequest(NOW).errors()).containsOnlyKeys("zone");
        assertThat(typed("UTC", "tonight", "").scheduleRequest(NOW).errors())
                .containsEntry("scheduledFor", "must be a date and time such as 2026-12-01T22:00")
                .containsEntry("scheduledUntil", "must be given");
    }

    @Test
    void readsAnUntickedBoxAsNoAndTheZoneAsUtcWhenNoneIsTyped() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("title", "Upgrade");
        parameters.add("autoStart", "true");
        parameters.add("components", "db");
        parameters.add("components", "db");
        parameters.add("components", "api");

        MaintenanceForm form = MaintenanceForm.from(parameters);

        assertThat(form.autoStart()).isTrue();
        assertThat(form.autoComplete()).isFalse();
        assertThat(form.zone()).isEqualTo("UTC");
        assertThat(form.components()).containsExactly("db", "api");
    }

    @Test
    void offersStartsFromThisMinuteToAYearAheadInTheFormsZone() {
        MaintenanceForm form = typed("Asia/Tokyo", "", "");

        assertThat(form.earliest(Instant.parse("2026-03-28T12:00:42Z"))).isEqualTo("2026-03-28T21:00");
        assertThat(form.latest(NOW)).isEqualTo("2027-03-29T21:00");
    }
}
