package io.sitrep.timeline.web;

import io.sitrep.support.markdown.Markdown;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Kept renderings of update messages: the same HTML as rendering again, and no unbounded memory. */
class RenderedMarkdownTest {

    @Test
    void aMessageRenderedAgainGivesTheSameHtmlAsMarkdownItself() {
        String message = "Fixed **the cache** <script>alert(1)</script> [docs](javascript:alert(1)) " + System.nanoTime();

        String first = RenderedMarkdown.toHtml(message);
        String again = RenderedMarkdown.toHtml(message);

        // issue 16: the snapshot's builds reuse what an unchanged message rendered to; it must be exactly that.
        assertThat(first).isEqualTo(Markdown.toHtml(message));
        assertThat(again).isSameAs(first);
    }

    @Test
    void nullBlankAndOverlongSourcesRenderAsMarkdownDoes() {
        String overlong = "a".repeat(RenderedMarkdown.LONGEST_KEPT + 1);

        String html = RenderedMarkdown.toHtml(overlong);

        assertThat(RenderedMarkdown.toHtml(null)).isEmpty();
        assertThat(RenderedMarkdown.toHtml("  ")).isEmpty();
        assertThat(html).isEqualTo(Markdown.toHtml(overlong));
        assertThat(RenderedMarkdown.toHtml(overlong)).isNotSameAs(html);
    }

    @Test
    void keptRenderingsStayWithinTheirBound() {
        String big = "b".repeat(RenderedMarkdown.LONGEST_KEPT);

        for (int i = 0; i < RenderedMarkdown.CHARACTERS_KEPT / RenderedMarkdown.LONGEST_KEPT + 10; i++) {
            RenderedMarkdown.toHtml(big + i);
        }

        assertThat(RenderedMarkdown.charactersKept()).isLessThanOrEqualTo(RenderedMarkdown.CHARACTERS_KEPT);
    }
}
