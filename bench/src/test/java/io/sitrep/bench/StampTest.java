package io.sitrep.bench;

import org.junit.jupiter.api.Test;

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
}
