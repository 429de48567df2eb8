package io.sitrep.timeline.page;

import io.sitrep.timeline.web.XmlText;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small helpers for writing HTML safely: escaping, times and labels. */
final class Html {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    /**
     * Text made safe for element content and quoted attribute values; characters HTML must not carry
     * (NUL among them: those XML 1.0 forbids) become U+FFFD.
     */
    static String escape(String raw) {
        if (raw == null) {
            return "";
        }
        String text = XmlText.clean(raw);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A {@code <time>} element with a machine-readable instant and a readable UTC text. */
    static String time(Instant instant) {
        return "<time datetime=\"" + instant + "\">" + DISPLAY.format(instant) + "</time>";
    }

    /**
     * A {@code <time>} element with a readable UTC text that the page's script may follow with the reader's
     * local time ({@code class="local"}).
     */
    static String localTime(Instant instant) {
        return "<time class=\"local\" datetime=\"" + instant + "\">" + DISPLAY.format(instant) + "</time>";
    }

    /** {@code partial_outage} → {@code Partial outage}. */
    static String label(String wireName) {
        String words = wireName.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
