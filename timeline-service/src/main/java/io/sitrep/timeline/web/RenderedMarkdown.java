package io.sitrep.timeline.web;

import io.sitrep.support.markdown.Markdown;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Markdown#toHtml} with the most recently used results kept: every snapshot renders the same update messages
 * again (the page, each incident's page and fragment, the feeds), and parsing and sanitizing them cost the snapshot's
 * builds more than anything else. The HTML depends on the source text alone, so a kept result is exactly what rendering
 * it again would give. Bounded by the characters kept; a source longer than {@value #LONGEST_KEPT} characters is
 * rendered every time. Thread-safe.
 */
public final class RenderedMarkdown {

    /** Source and HTML characters kept at most, about 16 MB. */
    static final long CHARACTERS_KEPT = 8_000_000;
    static final int LONGEST_KEPT = 65_536;

    private static final Map<String, String> KEPT = new LinkedHashMap<>(1024, 0.75f, true);
    private static long kept;

    private RenderedMarkdown() {
    }

    /** Source and HTML characters kept now. */
    static long charactersKept() {
        synchronized (KEPT) {
            return kept;
        }
    }

    /**
     * The sanitized HTML of {@code source}, as {@link Markdown#toHtml} renders it, with no character XML 1.0 forbids
     * ({@link XmlText}): pages and feeds write it as it is.
     */
    public static String toHtml(String source) {
        if (source == null || source.length() > LONGEST_KEPT) {
            return XmlText.clean(Markdown.toHtml(source));
        }
        synchronized (KEPT) {
            String html = KEPT.get(source);
            if (html != null) {
                return html;
            }
        }
        String html = XmlText.clean(Markdown.toHtml(source));
        synchronized (KEPT) {
            if (KEPT.putIfAbsent(source, html) == null) {
                kept += source.length() + html.length();
                var eldest = KEPT.entrySet().iterator();
                while (kept > CHARACTERS_KEPT && eldest.hasNext()) {
                    Map.Entry<String, String> entry = eldest.next();
                    kept -= entry.getKey().length() + entry.getValue().length();
                    eldest.remove();
                }
            }
        }
        return html;
    }
}
