package io.sitrep.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryScheduleTest {

    private static final List<Duration> LIKE_THE_BEST = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    @Test
    void eachAttemptWaitsItsDelayAfterTheOneBefore() {
        RetrySchedule schedule = new RetrySchedule(LIKE_THE_BEST, 0);

        assertThat(schedule.delayAfter(0, () -> 0.5)).contains(Duration.ZERO);
        assertThat(schedule.delayAfter(1, () -> 0.5)).contains(Duration.ofSeconds(5));
        assertThat(schedule.delayAfter(7, () -> 0.5)).contains(Duration.ofHours(10));
        assertThat(schedule.attempts()).isEqualTo(8);
    }

    @Test
    void theScheduleIsUsedUpAfterItsLastAttempt() {
        RetrySchedule schedule = new RetrySchedule(LIKE_THE_BEST, 0.1);

        assertThat(schedule.delayAfter(8, () -> 0.5)).isEmpty();
    }

    @Test
    void jitterSpreadsADelayWithinItsBounds() {
        RetrySchedule schedule = new RetrySchedule(LIKE_THE_BEST, 0.1);

        assertThat(schedule.delayAfter(2, () -> 0.0)).contains(Duration.ofSeconds(270));
        assertThat(schedule.delayAfter(2, () -> 0.999999)).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(329),
                Duration.ofSeconds(330)));
        assertThat(schedule.delayAfter(0, () -> 0.9)).contains(Duration.ZERO);
    }

    @Test
    void aScheduleNeedsAnAttemptAndSaneJitter() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(List.of(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(LIKE_THE_BEST, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(-1)), 0));
    }
}
