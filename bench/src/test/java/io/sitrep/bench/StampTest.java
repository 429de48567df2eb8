package io.sitrep.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StampTest {

    @Test
    void aTokenIsFoundAgainAmongOtherText() {
        String token = Stamp.token(7, 12_345, 987_654_321_000L);

        Stamp.Token found = Stamp.find("{\"message\":\"" + token + " Mitigation is rolling out.\"}");

        assertThat(found).isEqualTo(new Stamp.Token(7, 12_345, 987_654_321_000L));
    }

    @Test
    void somethingThatOnlyLooksLikeATokenIsSkipped() {
        assertThat(Stamp.find("bench-results.json and bench-3-x")).isNull();
        assertThat(Stamp.find("see bench-2 then bench-1-2-3")).isEqualTo(new Stamp.Token(1, 2, 3));
    }

    @Test
    void theClockNeverRunsBackwards() {
        long first = Stamp.now();
        assertThat(first).isNotNegative();
        assertThat(Stamp.now()).isGreaterThanOrEqualTo(first);
    }

    @Test
    void aWallClockInstantLandsOnTheHarnessClockWhereItWasRead() {
        long offset = Stamp.wallClockOffset();
        long before = Stamp.now();

        Instant wall = Instant.now();

        long after = Stamp.now();
        // The wall clock ticks in microseconds at the coarsest, and the offset is read to a few of them.
        assertThat(Stamp.onThisClock(wall, offset)).isBetween(before - 1_000_000, after + 1_000_000);
    }
}
