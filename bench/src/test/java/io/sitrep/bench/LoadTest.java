package io.sitrep.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

class LoadTest {

    @Test
    void anOpenLoopCountsTimeQueuedBehindASlowSystem() {
        // 100 messages due over one second, but the "system" takes 20 ms each, one at a time: it needs two
        // seconds, so the last messages wait about a second after their intended send time.
        Load.Outcome outcome = Load.open(100, Duration.ofSeconds(1), 1, 0, (seq, intended) -> {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            return true;
        });

        assertThat(outcome.sent()).isEqualTo(100);
        assertThat(outcome.accepted()).isEqualTo(100);
        assertThat(outcome.latency().percentile(99)).isGreaterThan(800);
        assertThat(outcome.latency().percentile(0)).isLessThan(100);
        assertThat(outcome.perSecond()).isLessThan(60);
    }

    @Test
    void anOpenLoopSendsEachSequenceNumberOnceAndCountsRefusals() {
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        Load.Outcome outcome = Load.open(500, Duration.ofMillis(200), 4, 1_000, (seq, intended) -> {
            seen.add(seq);
            return seq % 10 != 0;
        });

        assertThat(seen).hasSize(100).allMatch(seq -> seq >= 1_000 && seq < 1_100);
        assertThat(outcome.refused()).isEqualTo(10);
        assertThat(outcome.accepted()).isEqualTo(90);
    }

    @Test
    void aClosedLoopStopsAtTheCountAndThrowingCountsAsRefused() {
        Load.Outcome outcome = Load.closed(3, Duration.ofMinutes(1), 30, 0, (seq, intended) -> {
            if (seq == 5) {
                throw new IllegalStateException("refused");
            }
            return true;
        });

        assertThat(outcome.sent()).isEqualTo(30);
        assertThat(outcome.refused()).isEqualTo(1);
    }
}
