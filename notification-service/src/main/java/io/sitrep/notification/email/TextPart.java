package io.sitrep.notification.email;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A UTF-8 text body part of a MIME multipart, encoded once for all its recipients: the literal text between the
 * recipient's own values is in its transfer encoding already, and each mail encodes only its values (its links).
 * The transfer encoding is chosen as Jakarta Mail chooses it for text: 7bit when every byte is US-ASCII and no line
 * is longer than 998 characters, base64 when most bytes are not US-ASCII, quoted-printable otherwise. A mail whose
 * values do not fit the chosen encoding (a 7bit line made too long, a value outside US-ASCII) has its part encoded
 * whole, its encoding chosen again for that mail's text, as every part of a mail without slots is. Immutable and
 * thread-safe.
 */
final class TextPart {

    /** RFC 5322: a line is at most 998 characters. */
    private static final int MAX_LINE = 998;

    enum Encoding {
        SEVEN_BIT("7bit"), QUOTED_PRINTABLE("quoted-printable"), BASE64("base64");

        final String wireName;

        Encoding(String wireName) {
            this.wireName = wireName;
        }
    }

    private final String subtype;
    private final List<String> literals;
    private final List<String> slots;
    private final UnaryOperator<String> escaper;
    private final String boundary;
    private final Encoding encoding;
    /** Each literal in {@link #encoding}; quoted-printable literals each start at column 0. Unused for base64. */
    private final byte[][] encoded;
    /** Quoted-printable: the column each encoded literal ends at. 7bit: the length of each literal's last line. */
    private final int[] endColumn;
    /** The length of each literal's first line, and whether it has a line break at all. */
    private final int[] firstLine;
    private final boolean[] multiline;
    private final int size;

    /**
     * @param subtype  {@code plain} or {@code html}
     * @param literals the text around the values, one more than {@code slots}
     * @param slots    the names of the values each mail puts in between
     * @param escaper  how a value is escaped before it goes in
     * @param boundary the multipart's boundary, which a 7bit part must not hold
     */
    TextPart(String subtype, List<String> literals, List<String> slots, UnaryOperator<String> escaper, String boundary) {
        if (literals.size() != slots.size() + 1) {
            throw new IllegalArgumentException("one literal more than there are slots");
        }
        this.subtype = subtype;
        this.literals = List.copyOf(literals);
        this.slots = List.copyOf(slots);
        this.escaper = escaper;
        this.boundary = boundary;
        int n = literals.size();
        byte[][] raw = new byte[n][];
        int total = 0;
        for (int i = 0; i < n; i++) {
            raw[i] = literals.get(i).getBytes(StandardCharsets.UTF_8);
            total += raw[i].length;
        }
        MailBytes joined = new MailBytes(total);
        for (byte[] r : raw) {
            joined.put(r);
        }
        Encoding chosen = choose(joined.toArray());
        if (chosen == Encoding.SEVEN_BIT && literals.stream().anyMatch(l -> l.contains(boundary))) {
            chosen = Encoding.QUOTED_PRINTABLE;
        }
        this.encoding = chosen;
        this.encoded = new byte[n][];
        this.endColumn = new int[n];
        this.firstLine = new int[n];
        this.multiline = new boolean[n];
        int bytes = 0;
        for (int i = 0; i < n; i++) {
            int firstBreak = indexOfBreak(raw[i]);
            multiline[i] = firstBreak >= 0;
            firstLine[i] = firstBreak >= 0 ? firstBreak : raw[i].length;
            if (chosen == Encoding.QUOTED_PRINTABLE) {
                MailBytes out = new MailBytes(raw[i].length + raw[i].length / 8);
                // A space or tab at a literal's end is encoded: what a value puts after it may end the line.
                endColumn[i] = QuotedPrintable.encode(raw[i], 0, true, out);
                encoded[i] = out.toArray();
            } else if (chosen == Encoding.SEVEN_BIT) {
                encoded[i] = crlf(raw[i]);
                endColumn[i] = raw[i].length - 1 - lastIndexOfBreak(raw[i]);
            }
            bytes += encoded[i] == null ? raw[i].length * 4 / 3 : encoded[i].length;
        }
        this.size = bytes;
    }

    /** About how many bytes a mail's part takes, headers aside. */
    int size() {
        return size + 256 * slots.size();
    }

    Encoding encoding() {
        return encoding;
    }

    /** Writes the part, its headers and its body, with this mail's {@code values} (by slot name) in place. */
    void writeTo(MailBytes out, Map<String, String> values) {
        String[] escaped = new String[slots.size()];
        for (int i = 0; i < escaped.length; i++) {
            String value = values.get(slots.get(i));
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("no value for {{" + slots.get(i) + "}}");
            }
            escaped[i] = escaper.apply(value);
        }
        if (encoding == Encoding.QUOTED_PRINTABLE) {
            headers(out, Encoding.QUOTED_PRINTABLE);
            out.put(encoded[0]);
            int col = endColumn[0];
            for (int i = 0; i < escaped.length; i++) {
                QuotedPrintable.encode(escaped[i].getBytes(StandardCharsets.UTF_8), col, false, out);
                // The next literal was encoded from column 0: a soft line break puts it there, unless it starts a line itself.
                if (!multiline[i + 1] || firstLine[i + 1] > 0) {
                    QuotedPrintable.softBreak(out);
                }
                out.put(encoded[i + 1]);
                col = endColumn[i + 1];
            }
            out.crlf();
        } else if (encoding == Encoding.SEVEN_BIT && fitSevenBit(escaped)) {
            headers(out, Encoding.SEVEN_BIT);
            out.put(encoded[0]);
            for (int i = 0; i < escaped.length; i++) {
                out.put(escaped[i]);
                out.put(encoded[i + 1]);
            }
            out.crlf();
        } else {
            whole(out, escaped);
        }
    }

    /** Whether this mail's values keep the part 7bit: US-ASCII, no line break, no line over 998, no boundary. */
    private boolean fitSevenBit(String[] escaped) {
        int col = endColumn[0];
        for (int i = 0; i < escaped.length; i++) {
            String value = escaped[i];
            for (int j = 0; j < value.length(); j++) {
                char c = value.charAt(j);
                if (c >= 127 || c < 32 && c != '\t') {
                    return false;
                }
            }
            if (value.contains(boundary)) {
                return false;
            }
            col += value.length();
            if (col + firstLine[i + 1] > MAX_LINE) {
                return false;
            }
            col = multiline[i + 1] ? endColumn[i + 1] : col + firstLine[i + 1];
        }
        return true;
    }

    /** The part encoded whole for this mail: base64 parts always, others when the values do not fit. */
    private void whole(MailBytes out, String[] escaped) {
        StringBuilder text = new StringBuilder(size);
        for (int i = 0; i < escaped.length; i++) {
            text.append(literals.get(i)).append(escaped[i]);
        }
        byte[] raw = text.append(literals.get(escaped.length)).toString().getBytes(StandardCharsets.UTF_8);
        Encoding chosen = choose(raw);
        if (chosen == Encoding.SEVEN_BIT && text.indexOf(boundary) >= 0) {
            chosen = Encoding.QUOTED_PRINTABLE;
        }
        headers(out, chosen);
        switch (chosen) {
            case SEVEN_BIT -> out.put(crlf(raw));
            case QUOTED_PRINTABLE -> QuotedPrintable.encode(raw, 0, true, out);
            case BASE64 -> out.put(Base64.getMimeEncoder().encode(raw));
        }
        out.crlf();
    }

    private void headers(MailBytes out, Encoding used) {
        out.put("Content-Type: text/" + subtype + "; charset=UTF-8");
        out.crlf();
        out.put("Content-Transfer-Encoding: " + used.wireName);
        out.crlf();
        out.crlf();
    }

    /** Jakarta Mail's rule for text: bytes outside US-ASCII (and control characters but line breaks and tabs) counted. */
    static Encoding choose(byte[] text) {
        int ascii = 0;
        int other = 0;
        int line = 0;
        boolean longLine = false;
        for (byte value : text) {
            int b = value & 0xff;
            if (b == '\r' || b == '\n') {
                line = 0;
            } else if (++line > MAX_LINE) {
                longLine = true;
            }
            if (b >= 127 || b < 32 && b != '\r' && b != '\n' && b != '\t') {
                other++;
            } else {
                ascii++;
            }
        }
        if (other == 0) {
            return longLine ? Encoding.QUOTED_PRINTABLE : Encoding.SEVEN_BIT;
        }
        return other > ascii ? Encoding.BASE64 : Encoding.QUOTED_PRINTABLE;
    }

    /** The text with every line break (CRLF, LF or a lone CR) as CRLF, as SMTP carries it. */
    private static byte[] crlf(byte[] text) {
        MailBytes out = new MailBytes(text.length + text.length / 16);
        for (int i = 0; i < text.length; i++) {
            byte b = text[i];
            if (b == '\r' || b == '\n') {
                if (b == '\r' && i + 1 < text.length && text[i + 1] == '\n') {
                    i++;
                }
                out.crlf();
            } else {
                out.put(b);
            }
        }
        return out.toArray();
    }

    private static int indexOfBreak(byte[] text) {
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\r' || text[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOfBreak(byte[] text) {
        for (int i = text.length - 1; i >= 0; i--) {
            if (text[i] == '\r' || text[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
