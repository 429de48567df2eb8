package io.sitrep.support.web;

/**
 * Characters no request text may carry: C0 controls other than tab, line feed and carriage return,
 * DEL and the C1 controls (U+007F to U+009F, among them the CSI that terminals obey), the
 * noncharacters U+FFFE and U+FFFF, and surrogates that are not part of a pair. PostgreSQL refuses
 * some of them, terminals and log readers obey others; none is text anyone means to write.
 */
public final class UnsafeText {

    /** What stands in for an unsafe character where text is kept rather than refused. */
    public static final char REPLACEMENT = '\uFFFD';

    /** The rule in words, for problems that refuse a field. */
    public static final String RULE = "must not contain control characters (other than tab, line feed and carriage return), "
            + "U+FFFE, U+FFFF or unpaired surrogates";

    private UnsafeText() {
    }

    /** The index of the first unsafe character of {@code text}, or -1 when there is none. */
    public static int firstUnsafe(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (unsafe(c)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code text} with every unsafe character replaced by U+FFFD; the same instance when it has none. */
    public static String replaceUnsafe(String text) {
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                safe.append(c).append(text.charAt(++i));
            } else {
                safe.append(unsafe(c) ? REPLACEMENT : c);
            }
        }
        return safe.toString();
    }

    /** Why {@code text} is refused, naming its first unsafe character and where it is (1-based); null when it is safe. */
    public static String problem(String text) {
        int at = firstUnsafe(text);
        return at < 0 ? null : RULE + String.format("; found U+%04X at character %d", (int) text.charAt(at), at + 1);
    }

    private static boolean unsafe(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        // A surrogate reaching here has no partner.
        return (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c);
    }
}
