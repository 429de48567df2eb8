package io.sitrep.timeline.page;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import io.sitrep.timeline.web.XmlText;

/**
 * The output the page's templates write to: JTE's escaping, with every character HTML must not carry ({@link XmlText})
 * replaced on the way in, so that no page needs cleaning as a whole. What a template writes itself, and every value it
 * writes ({@code ${…}}, escaped, in text and in attributes alike), is cleaned. What it writes with {@code $unsafe{…}}
 * is not: that is only ever HTML made clean where it was made, the fragments {@link PageRenderer} rendered through
 * this output and the sanitized Markdown of {@code RenderedMarkdown}. So a card is cleaned once, when it is rendered,
 * and not again within each page that holds it. {@code UnsafeFragmentsTest} keeps the templates to that.
 */
final class CleanHtmlOutput extends OwaspHtmlTemplateOutput {

    private final TemplateOutput clean;

    CleanHtmlOutput(TemplateOutput clean) {
        super(new Cleaning(clean));
        this.clean = clean;
    }

    /** HTML made clean where it was made: written as it is. */
    @Override
    public void writeUnsafeContent(String value) {
        if (value != null) {
            clean.writeContent(value);
        }
    }

    /** Whatever the escaper and the templates write: cleaned, and copied only when it held a character to replace. */
    private record Cleaning(TemplateOutput clean) implements TemplateOutput {

        @Override
        public void writeContent(String value) {
            clean.writeContent(XmlText.clean(value));
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            if (XmlText.isClean(value, beginIndex, endIndex)) {
                clean.writeContent(value, beginIndex, endIndex);
            } else {
                clean.writeContent(XmlText.clean(value.substring(beginIndex, endIndex)));
            }
        }

        /** The templates' own text, when JTE writes it as bytes. */
        @Override
        public void writeBinaryContent(byte[] value) {
            clean.writeBinaryContent(value);
        }
    }
}
