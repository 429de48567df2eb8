package io.sitrep.support.web;

/**
 * Values from requests and alerts made fit for a log line: a value cannot end the line and forge
 * the next one. Line breaks (CR, LF, U+0085, U+2028, U+2029), other control characters and
 * unpaired surrogates are written as escapes (backslash-r, backslash-n, backslash-u and four hex digits); a backslash
 * is doubled, so an escape in the log always means the character was there. Long values are cut.
 */
public final class LogSafe {

    /** The most characters of one value a log line shows. */
    public static final int MAX_LENGTH = 256;

    private LogSafe() {
    }

    /** {@code value} as it may appear in a log line; "null" for null. */
    public static String text(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        int shown = Math.min(text.length(), MAX_LENGTH);
        StringBuilder safe = null;
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            String escape = escape(text, i, c);
            if (escape != null && safe == null) {
                safe = new StringBuilder(shown + 16).append(text, 0, i);
            }
            if (safe != null) {
                safe.append(escape != null ? escape : String.valueOf(c));
            }
        }
        if (safe == null && shown == text.length()) {
            return text;
        }
        String result = safe == null ? text.substring(0, shown) : safe.toString();
        return shown < text.length() ? result + "…(" + (text.length() - shown) + " more)" : result;
    }

    private static String escape(String text, int i, char c) {
        return switch (c) {
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            case '\\' -> "\\\\";
            case '\t' -> null;
            default -> {
                boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                        : !Character.isLowSurrogate(c) || (i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
                boolean unsafe = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                        || c == '\uFFFE' || c == '\uFFFF' || !paired;
                yield unsafe ? String.format("\\u%04X", (int) c) : null;
            }
        };
    }
}
