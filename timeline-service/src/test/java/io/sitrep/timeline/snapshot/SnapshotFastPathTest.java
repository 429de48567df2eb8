package io.sitrep.timeline.snapshot;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotFastPathTest {

    @Test
    void noAcceptAWildcardTheTypeOrItsRangeTakeTheDocument() {
        assertThat(accepts(List.of(), SnapshotContent.HTML)).isTrue();
        assertThat(accepts(List.of("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), SnapshotContent.HTML)).isTrue();
        assertThat(accepts(List.of("application/json"), SnapshotContent.JSON)).isTrue();
        assertThat(accepts(List.of("text/*"), SnapshotContent.CSS)).isTrue();
    }

    @Test
    void anotherTypeOrARefusalLeavesTheReadToTheChain() {
        assertThat(accepts(List.of("application/json"), SnapshotContent.HTML)).isFalse();
        assertThat(accepts(List.of("text/html;q=0, */*"), SnapshotContent.HTML)).isFalse();
        assertThat(accepts(List.of("text/html;q=0"), SnapshotContent.HTML)).isFalse();
    }

    private static boolean accepts(List<String> accept, String contentType) {
        return SnapshotFastPath.accepts(Collections.enumeration(accept), contentType);
    }
}
