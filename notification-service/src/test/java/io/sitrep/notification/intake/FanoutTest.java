package io.sitrep.notification.intake;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FanoutTest {

    @Test
    void idsCompareAsPostgresqlOrdersUuidsByTheirUnsignedBytes() {
        UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID high = UUID.fromString("ffffffff-0000-0000-0000-000000000000");
        UUID highTail = UUID.fromString("00000000-0000-0000-8000-000000000000");
        // UUID.compareTo compares signed longs, which would put high before low.
        assertThat(high.compareTo(low)).isNegative();
        assertThat(Fanout.compare(high, low)).isPositive();
        assertThat(Fanout.compare(low, high)).isNegative();
        assertThat(Fanout.compare(highTail, low)).isPositive();
        assertThat(Fanout.compare(low, UUID.fromString(low.toString()))).isZero();
    }
}
