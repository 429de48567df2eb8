package io.sitrep.notification.delivery;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptResultTest {

    @ParameterizedTest
    @CsvSource({
            "200, DELIVERED, false", "204, DELIVERED, false", "410, GONE, false", "429, RETRY, true", "500, RETRY, true",
            "503, RETRY, true", "400, RETRY, false", "404, RETRY, false", "301, RETRY, false"})
    void aStatusIsJudgedForTheDeliveryAndForTheHost(int status, AttemptResult.Verdict verdict, boolean hostFailed) {
        AttemptResult result = AttemptResult.status(status, null, Duration.ofMillis(5));

        assertThat(result.verdict()).isEqualTo(verdict);
        assertThat(result.hostFailed()).isEqualTo(hostFailed);
    }

    @Test
    void anErrorWithoutAStatusIsRetriedAndCountsAgainstTheHost() {
        AttemptResult result = AttemptResult.error("connection refused", Duration.ofMillis(1));

        assertThat(result.verdict()).isEqualTo(AttemptResult.Verdict.RETRY);
        assertThat(result.hostFailed()).isTrue();
        assertThat(AttemptResult.accepted(Duration.ZERO).verdict()).isEqualTo(AttemptResult.Verdict.DELIVERED);
    }

    @Test
    void retryAfterIsReadAsSecondsOrADate() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(RetryAfter.parse("120", now)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:01:00 GMT", now)).contains(Duration.ofMinutes(1));
        assertThat(RetryAfter.parse("Wed, 31 Dec 2025 00:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }

    @Test
    void retryAfterOnlyDelaysWithinItsBound() {
        Duration scheduled = Duration.ofSeconds(5);
        Duration max = Duration.ofHours(1);

        assertThat(RetryAfter.honour(scheduled, Duration.ofSeconds(1), max)).isEqualTo(scheduled);
        assertThat(RetryAfter.honour(scheduled, Duration.ofMinutes(10), max)).isEqualTo(Duration.ofMinutes(10));
        assertThat(RetryAfter.honour(scheduled, Duration.ofDays(3), max)).isEqualTo(max);
        assertThat(RetryAfter.honour(Duration.ofHours(2), Duration.ofDays(3), max)).isEqualTo(Duration.ofHours(2));
        assertThat(RetryAfter.honour(scheduled, null, max)).isEqualTo(scheduled);
    }
}
