package io.sitrep.notification.notice;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class MaintenanceTimesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aWindowWithinADayIsOneDateAndTwoTimes() {
        String window = MaintenanceTimes.window(Instant.parse("2025-11-09T03:00:00Z"), Instant.parse("2025-11-09T05:00:00Z"), ZoneOffset.UTC);

        assertThat(window).isEqualTo("9 November 2025, 03:00–05:00 UTC");
    }

    @Test
    void aWindowAcrossMidnightHasBothDates() {
        String window = MaintenanceTimes.window(Instant.parse("2025-11-09T23:00:00Z"), Instant.parse("2025-11-10T01:00:00Z"), ZoneOffset.UTC);

        assertThat(window).isEqualTo("9 November 2025, 23:00 – 10 November 2025, 01:00 UTC");
    }

    @Test
    void thePagesTimeZoneIsNamedByItsAbbreviationAndId() {
        String window = MaintenanceTimes.window(Instant.parse("2025-11-09T23:00:00Z"), Instant.parse("2025-11-09T23:30:00Z"), BERLIN);

        assertThat(window).isEqualTo("10 November 2025, 00:00–00:30 CET (Europe/Berlin)");
    }

    @Test
    void aWindowAcrossAChangeOfDaylightSavingTimeNamesEachEndsZone() {
        String window = MaintenanceTimes.window(Instant.parse("2025-10-26T00:30:00Z"), Instant.parse("2025-10-26T02:30:00Z"), BERLIN);

        assertThat(window).isEqualTo("26 October 2025, 02:30 CEST–03:30 CET (Europe/Berlin)");
    }

    @Test
    void utcUnderAnyNameIsUtc() {
        assertThat(MaintenanceTimes.isUtc(ZoneId.of("UTC"))).isTrue();
        assertThat(MaintenanceTimes.isUtc(ZoneId.of("Etc/UTC"))).isTrue();
        assertThat(MaintenanceTimes.isUtc(ZoneOffset.UTC)).isTrue();
        assertThat(MaintenanceTimes.isUtc(ZoneId.of("Europe/London"))).isFalse();
    }

    @Test
    void howSoonAWindowStartsIsRoundedToTheMinute() {
        assertThat(MaintenanceTimes.startsIn(Duration.ofMinutes(59).plusSeconds(59))).isEqualTo("1 hour");
        assertThat(MaintenanceTimes.startsIn(Duration.ofMinutes(90))).isEqualTo("1 hour 30 minutes");
        assertThat(MaintenanceTimes.startsIn(Duration.ofHours(26))).isEqualTo("1 day 2 hours");
        assertThat(MaintenanceTimes.startsIn(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(MaintenanceTimes.startsIn(Duration.ofSeconds(10))).isEqualTo("less than a minute");
        assertThat(MaintenanceTimes.startsIn(Duration.ofMinutes(-5))).isEqualTo("less than a minute");
    }
}
