package io.sitrep.timeline.readmodel.persistence;

/**
 * Text as PostgreSQL can store it: a {@code text} column cannot hold U+0000, and a surrogate without
 * its pair has no UTF-8 form; {@code jsonb} refuses the escape {@code \u0000} as well. Each becomes
 * U+FFFD, so an event carrying one is applied rather than failing its batch on every redelivery.
 */
final class StorableText {

    private static final char REPLACEMENT = '\uFFFD';

    private StorableText() {
    }

    /** Plain text with NUL and unpaired surrogates replaced. */
    static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            boolean bad = c == '\u0000' || (!pair && Character.isSurrogate(c));
            if (bad && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(bad ? REPLACEMENT : c);
                if (pair) {
                    out.append(text.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    /** JSON text with NUL, unpaired surrogates and the escape {@code \u0000} (and unpaired surrogate escapes) replaced. */
    static String ofJson(String json) {
        String plain = of(json);
        if (plain.indexOf('\\') < 0) {
            return plain;
        }
        StringBuilder out = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c != '\\' || i + 1 >= plain.length()) {
                out.append(c);
                continue;
            }
            char next = plain.charAt(i + 1);
            if (next != 'u' || i + 6 > plain.length()) {
                out.append(c).append(next);
                i++;
                continue;
            }
            int unit = hex(plain, i + 2);
            if (unit == 0 || (unit >= 0xD800 && unit <= 0xDFFF && !pairedEscape(plain, i, unit))) {
                out.append("\\ufffd");
                i += 5;
            } else if (unit >= 0xD800 && unit <= 0xDBFF) {
                // A high surrogate escape with its low one: both kept.
                out.append(plain, i, i + 12);
                i += 11;
            } else {
                out.append(plain, i, i + 6);
                i += 5;
            }
        }
        return out.toString();
    }

    private static boolean pairedEscape(String json, int at, int unit) {
        if (unit > 0xDBFF || at + 12 > json.length() || json.charAt(at + 6) != '\\' || json.charAt(at + 7) != 'u') {
            return false;
        }
        int low = hex(json, at + 8);
        return low >= 0xDC00 && low <= 0xDFFF;
    }

    private static int hex(String text, int from) {
        try {
            return Integer.parseInt(text.substring(from, from + 4), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
