package io.sitrep.timeline.page;

import gg.jte.Content;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import io.sitrep.timeline.web.XmlText;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: pages were cleaned of the characters HTML must not carry as a whole, each card again within every page
 * that holds it. The templates' output now cleans what is written as it is written, and writes clean fragments as
 * they are.
 */
class CleanHtmlOutputTest {

    private static final String HOSTILE = "a\u0000b\u0007<c> & \"d\" \uFFFE lone \uD800 pair \uD83D\uDE42 end";

    @Test
    void aValueIsWrittenAsJteEscapesItsCleanedTextInTextAndInAttributes() {
        for (String[] context : new String[][] {{"p", null}, {"a", "href"}, {"div", "data-x"}, {null, null}}) {
            String written = written(out -> {
                out.setContext(context[0], context[1]);
                out.writeUserContent(HOSTILE);
            });
            String expected = escaped(out -> {
                out.setContext(context[0], context[1]);
                out.writeUserContent(XmlText.clean(HOSTILE));
            });

            assertThat(written).as(context[0] + " " + context[1]).isEqualTo(expected)
                    .doesNotContain("\u0000", "\u0007", "\uFFFE").contains("\uD83D\uDE42", "\uFFFD");
            assertThat(XmlText.isClean(written, 0, written.length())).isTrue();
        }
    }

    @Test
    void contentWrittenInAnAttributeIsCleanedToo() {
        Content content = output -> output.writeUserContent(HOSTILE);

        String written = written(out -> {
            out.setContext("div", "title");
            out.writeUserContent(content);
        });

        assertThat(XmlText.isClean(written, 0, written.length())).as(written).isTrue();
        assertThat(written).contains("end");
    }

    @Test
    void theTemplatesOwnTextIsCleanedAndAFragmentIsWrittenAsItIs() {
        String fragment = "<li>rendered \uD83D\uDE42 &amp; cleaned before</li>";

        String written = written(out -> {
            out.writeContent("literal \u0000 text");
            out.writeUnsafeContent(fragment);
            out.writeUnsafeContent(null);
        });

        assertThat(written).isEqualTo("literal \uFFFD text" + fragment);
    }

    private static String written(Consumer<HtmlTemplateOutput> writing) {
        StringOutput output = new StringOutput();
        writing.accept(new CleanHtmlOutput(output));
        return output.toString();
    }

    private static String escaped(Consumer<HtmlTemplateOutput> writing) {
        StringOutput output = new StringOutput();
        writing.accept(new OwaspHtmlTemplateOutput(output));
        return output.toString();
    }
}
