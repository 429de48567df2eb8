package io.sitrep.timeline.web;

import io.sitrep.support.markdown.Markdown;
import org.junit.jupiter.api.Test;

import java.util.List;

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
    void theHtmlHoldsNoCharacterXmlForbidsSoPagesWriteItAsItIs() {
        // issue 16: the page's templates write this HTML without cleaning it again (CleanHtmlOutput).
        for (String message : List.of("Odd \u0000 bell \u0007 nonchar \uFFFE lone \uD800 end " + System.nanoTime(),
                "long \u0001 " + "c".repeat(RenderedMarkdown.LONGEST_KEPT))) {
            String html = RenderedMarkdown.toHtml(message);

            assertThat(XmlText.isClean(html, 0, html.length())).as(html.substring(0, 40)).isTrue();
            assertThat(html).contains(message.split(" ")[0]).doesNotContain("\u0000", "\u0001", "\u0007", "\uFFFE");
        }
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
