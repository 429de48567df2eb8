package io.sitrep.timeline.snapshot;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** issue 16 (read storm, sixth round): a page that says when it last changed keeps its bytes while what it shows is equal. */
class SnapshotContentTest {

    private static final Instant FIRST = Instant.parse("2026-12-02T01:00:00.250Z");
    private static final Instant SECOND = Instant.parse("2026-12-02T01:00:05Z");

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicInteger renders = new AtomicInteger();

    @Test
    void aPageRenderedFromEqualInputsIsTakenOverWithItsTagAndStatedTimeWithoutRenderingIt() {
        PublicDocument earlier = page(new SnapshotContent(FIRST, json), "open: 2");

        PublicDocument next = page(new SnapshotContent(SECOND, json, Map.of("/", earlier)), "open: 2");

        assertThat(next).isSameAs(earlier);
        assertThat(renders).hasValue(1);
        assertThat(text(next)).isEqualTo("open: 2, updated 2026-12-02T01:00:00Z");
        assertThat(next.lastModified()).isEqualTo(Instant.parse("2026-12-02T01:00:00Z"));
    }

    @Test
    void aPageWhoseInputsChangedIsRenderedWithTheBuildsTimeAndGetsANewTag() {
        PublicDocument earlier = page(new SnapshotContent(FIRST, json), "open: 2");

        PublicDocument next = page(new SnapshotContent(SECOND, json, Map.of("/", earlier)), "open: 3");

        assertThat(next.etag()).isNotEqualTo(earlier.etag());
        assertThat(text(next)).isEqualTo("open: 3, updated 2026-12-02T01:00:05Z");
        assertThat(next.lastModified()).isEqualTo(SECOND);
    }

    private PublicDocument page(SnapshotContent content, String shows) {
        content.html("/", shows, updated -> {
            renders.incrementAndGet();
            return shows + ", updated " + updated;
        });
        return content.documents().get("/");
    }

    private static String text(PublicDocument document) {
        return new String(document.body(), StandardCharsets.UTF_8);
    }
}
