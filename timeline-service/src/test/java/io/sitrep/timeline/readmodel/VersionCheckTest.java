package io.sitrep.timeline.readmodel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionCheckTest {

    @Test
    void theNextVersionIsApplied() {
        assertThat(VersionCheck.of(0, 1)).isEqualTo(VersionCheck.APPLY);
        assertThat(VersionCheck.of(4, 5)).isEqualTo(VersionCheck.APPLY);
    }

    @Test
    void aVersionBeyondTheNextIsAppliedAfterAGap() {
        assertThat(VersionCheck.of(0, 3)).isEqualTo(VersionCheck.APPLY_AFTER_GAP);
        assertThat(VersionCheck.of(4, 6).applies()).isTrue();
    }

    @Test
    void theCurrentVersionIsARedeliveryAndOlderOnesAReplay() {
        assertThat(VersionCheck.of(4, 4)).isEqualTo(VersionCheck.SKIP_CURRENT);
        assertThat(VersionCheck.of(4, 2)).isEqualTo(VersionCheck.SKIP_OLD);
        assertThat(VersionCheck.of(4, 4).applies()).isFalse();
    }
}
