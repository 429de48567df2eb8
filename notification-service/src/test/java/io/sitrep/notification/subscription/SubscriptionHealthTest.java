package io.sitrep.notification.subscription;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionHealthTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final SubscriptionHealth.Rules RULES = new SubscriptionHealth.Rules(3, Duration.ofHours(1));

    @Test
    void isFailingOnceTheFailuresInARowReachTheThreshold() {
        SubscriptionHealth twice = SubscriptionHealth.healthy(SubscriptionStatus.ACTIVE).failedAt(T0).failedAt(T0.plusSeconds(10));

        SubscriptionHealth thrice = twice.failedAt(T0.plusSeconds(70));

        assertThat(twice.failingToReport(RULES)).isFalse();
        assertThat(thrice.failingToReport(RULES)).isTrue();
        assertThat(thrice.failingSince()).isEqualTo(T0);
    }

    @Test
    void tellsOfFailingOncePerRun() {
        SubscriptionHealth reported = SubscriptionHealth.healthy(SubscriptionStatus.ACTIVE).failedAt(T0).failedAt(T0).failedAt(T0)
                .failingReportedNow();

        assertThat(reported.failedAt(T0.plusSeconds(5)).failingToReport(RULES)).isFalse();
    }

    @Test
    void isDisabledWhenEveryAttemptFailedForTheWholeWindow() {
        SubscriptionHealth failing = SubscriptionHealth.healthy(SubscriptionStatus.ACTIVE).failedAt(T0);

        assertThat(failing.failingTooLong(RULES, T0.plus(Duration.ofHours(1)).minusMillis(1))).isFalse();
        assertThat(failing.failingTooLong(RULES, T0.plus(Duration.ofHours(1)))).isTrue();
    }

    @Test
    void aSubscriptionNoLongerActiveIsNeitherReportedNorDisabled() {
        SubscriptionHealth disabled = new SubscriptionHealth(10, T0, false, SubscriptionStatus.DISABLED);

        assertThat(disabled.failingToReport(RULES)).isFalse();
        assertThat(disabled.failingTooLong(RULES, T0.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void aSuccessAfterFailuresRecoversAndIsToldWhenFailingWasOrDeadLettersWentOut() {
        SubscriptionHealth unreported = SubscriptionHealth.healthy(SubscriptionStatus.ACTIVE).failedAt(T0);
        SubscriptionHealth reported = unreported.failingReportedNow();

        assertThat(unreported.recovers()).isTrue();
        assertThat(unreported.recoveryToReport(0)).isFalse();
        assertThat(unreported.recoveryToReport(2)).isTrue();
        assertThat(reported.recoveryToReport(0)).isTrue();
        assertThat(unreported.succeeded()).isEqualTo(SubscriptionHealth.healthy(SubscriptionStatus.ACTIVE));
    }

    @Test
    void aSuccessOfAHealthySubscriptionRecoversNothing() {
        assertThat(SubscriptionHealth.healthy(SubscriptionStatus.ACTIVE).recovers()).isFalse();
    }
}
