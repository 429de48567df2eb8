package io.sitrep.support.markdown;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {

    /** The sanitizer writes the two rel values in an order of its own. */
    private static final String NOFOLLOW_NOOPENER = "rel=\"(nofollow noopener|noopener nofollow)\"";

    @Nested
    class Renders {

        @Test
        void headingsBelowThePagesOwn() {
            String html = Markdown.toHtml("# Cause\n\n## Timeline\n\n###### Deepest");

            assertThat(html).contains("<h3>Cause</h3>").contains("<h4>Timeline</h4>").contains("<h6>Deepest</h6>")
                    .doesNotContain("<h1>").doesNotContain("<h2>");
        }

        @Test
        void bulletAndNumberedLists() {
            String html = Markdown.toHtml("Steps:\n\n- drain web-1\n- restart it\n\n3. third\n4. fourth");

            assertThat(html).contains("<ul><li>drain web-1</li><li>restart it</li></ul>")
                    .contains("<ol start=\"3\"><li>third</li><li>fourth</li></ol>");
        }

        @Test
        void tablesWithAlignment() {
            String html = Markdown.toHtml("| Region | Status |\n|:--|--:|\n| eu-west | degraded |");

            assertThat(html).contains("<table>").contains("<th align=\"left\">Region</th>")
                    .contains("<td align=\"right\">degraded</td>").contains("</table>");
        }

        @Test
        void linksWithNofollowAndNoopener() {
            String html = Markdown.toHtml("See [the runbook](https://example.com/runbook \"Runbook\").");

            assertThat(html).containsPattern("<a href=\"https://example.com/runbook\" title=\"Runbook\" " + NOFOLLOW_NOOPENER + ">the runbook</a>");
        }

        @Test
        void inlineCodeAndFencedCode() {
            String html = Markdown.toHtml("Run `kubectl get pods`:\n\n```sh\necho <done> && exit\n```");

            assertThat(html).contains("<code>kubectl get pods</code>")
                    .contains("<pre><code class=\"language-sh\">echo &lt;done&gt; &amp;&amp; exit\n</code></pre>");
        }

        @Test
        void emphasisAndLineBreaksInAParagraph() {
            String html = Markdown.toHtml("*Degraded* and **slow**\nsince 10:00");

            assertThat(html).isEqualTo("<p><em>Degraded</em> and <strong>slow</strong><br />\nsince 10:00</p>\n");
        }

        @Test
        void imagesAsLinksToThem() {
            String html = Markdown.toHtml("![graph](https://example.com/graph.png)");

            assertThat(html).containsPattern("<a href=\"https://example.com/graph.png\" " + NOFOLLOW_NOOPENER + ">graph</a>")
                    .doesNotContain("<img");
        }

        @Test
        void textAsItReadsWithOnlyMarkupCharactersAsReferences() {
            String html = Markdown.toHtml("It's 5 < 6 & \"x\" = a+b @ 09:00 \uD83D\uDE00 é");

            assertThat(html).isEqualTo("<p>It&#39;s 5 &lt; 6 &amp; &#34;x&#34; = a+b @ 09:00 \uD83D\uDE00 é</p>\n");
        }

        @Test
        void nothingForBlankSource() {
            assertThat(Markdown.toHtml(null)).isEmpty();
            assertThat(Markdown.toHtml("  \n")).isEmpty();
        }
    }

    @Nested
    class Removes {

        @Test
        void scriptBlocksWithTheirContent() {
            String html = Markdown.toHtml("Fixed.\n\n<script>alert(document.cookie)</script>\n\nMonitoring.");

            assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("alert(").doesNotContain("&lt;script")
                    .contains("<p>Fixed.</p>").contains("<p>Monitoring.</p>");
        }

        @Test
        void javascriptLinks() {
            String html = Markdown.toHtml("[click](javascript:alert(1)) and [also](JaVaScRiPt:alert(2)) and ![pic](javascript:alert(3))");

            assertThat(html).isEqualTo("<p>click and also and pic</p>\n");
        }

        @Test
        void eventHandlerAttributes() {
            String html = Markdown.toHtml("Broken <img src=x onerror=alert(1)> image and <a href=\"https://x.test\" onclick=\"steal()\">link</a>");

            assertThat(html).doesNotContain("onerror").doesNotContain("onclick").doesNotContain("<img").doesNotContain("steal()")
                    .contains("Broken").contains("link");
        }

        @Test
        void rawHtmlButKeepsItsText() {
            String html = Markdown.toHtml("<div style=\"color:red\">Read <b>this</b></div>\n\nA <span style=\"x\">plain</span> <iframe src=\"https://x.test\"></iframe>word");

            assertThat(html).doesNotContain("<div").doesNotContain("<b>").doesNotContain("<span").doesNotContain("<iframe")
                    .doesNotContain("style=").contains("plain").contains("word");
        }

        @Test
        void dataAndVbscriptLinks() {
            String html = Markdown.toHtml("[a](data:text/html;base64,PHNjcmlwdD4=) [b](vbscript:msgbox) [c](https://ok.test)");

            assertThat(html).doesNotContain("data:").doesNotContain("vbscript:").contains("href=\"https://ok.test\"");
        }

        @Test
        void charactersNoTextMayCarry() {
            String html = Markdown.toHtml("bell\u0007 and nul\u0000 here");

            assertThat(html).doesNotContain("\u0007").doesNotContain("\u0000").contains("bell\uFFFD and nul\uFFFD here");
        }
    }
}
