package io.sitrep.timeline.web;

/**
 * Text made writable as XML 1.0 or HTML: every character XML 1.0 forbids (C0 controls other than tab,
 * line feed and carriage return, U+FFFE, U+FFFF, surrogates without their pair) becomes U+FFFD. The
 * event log may hold such characters; a feed or page must never carry them (a strict XML parser
 * rejects the whole document, and HTML must not carry NUL).
 */
public final class XmlText {

    public static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    /** The text with each forbidden character replaced by U+FFFD; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        int first = firstForbidden(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(allowed(c) ? c : REPLACEMENT);
            }
        }
        return out.toString();
    }

    /** Whether the characters of {@code text} from {@code begin} to {@code end} hold none that XML 1.0 forbids. */
    public static boolean isClean(String text, int begin, int end) {
        return firstForbidden(text, begin, end) < 0;
    }

    private static int firstForbidden(String text) {
        return firstForbidden(text, 0, text.length());
    }

    private static int firstForbidden(String text, int begin, int end) {
        for (int i = begin; i < end; i++) {
            char c = text.charAt(i);
            // Nearly every character of a page lies here, allowed and not part of a surrogate pair: one test for them.
            if (c >= 0x20 && c < Character.MIN_SURROGATE) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (!allowed(c)) {
                return i;
            }
        }
        return -1;
    }

    /** XML 1.0's Char production, for one UTF-16 unit that is not part of a surrogate pair. */
    private static boolean allowed(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }
}
