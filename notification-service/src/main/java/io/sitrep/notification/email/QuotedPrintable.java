package io.sitrep.notification.email;

/**
 * The quoted-printable transfer encoding of text (RFC 2045, section 6.7), written from a given column so that a body
 * can be encoded once in pieces: encoded lines are at most 76 characters, soft line breaks included; every line break
 * of the text (CRLF, LF or a lone CR) is a hard line break, CRLF; a space or tab before a line break, or at the end
 * of the part, is encoded, as are {@code =}, control characters and every byte outside US-ASCII.
 */
final class QuotedPrintable {

    /** The most characters on an encoded line before its soft line break's {@code =}. */
    static final int MAX_COLUMN = 75;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] SOFT_BREAK = {'=', '\r', '\n'};

    private QuotedPrintable() {
    }

    /**
     * Encodes {@code text} (UTF-8 bytes) onto {@code out}, whose current line holds {@code column} characters already.
     *
     * @param endsPart whether the text ends the part (or a line): a space or tab at its end is then encoded
     * @return the column at which the encoded text ends
     */
    static int encode(byte[] text, int column, boolean endsPart, MailBytes out) {
        int col = column;
        for (int i = 0; i < text.length; i++) {
            int b = text[i] & 0xff;
            if (b == '\r' || b == '\n') {
                if (b == '\r' && i + 1 < text.length && text[i + 1] == '\n') {
                    i++;
                }
                out.crlf();
                col = 0;
                continue;
            }
            boolean atLineEnd = i + 1 < text.length ? text[i + 1] == '\r' || text[i + 1] == '\n' : endsPart;
            boolean literal = b == ' ' || b == '\t' ? !atLineEnd : b > 32 && b < 127 && b != '=';
            int width = literal ? 1 : 3;
            if (col + width > MAX_COLUMN) {
                out.put(SOFT_BREAK);
                col = 0;
            }
            if (literal) {
                out.put(b);
            } else {
                out.put('=');
                out.put(HEX[b >> 4]);
                out.put(HEX[b & 0xf]);
            }
            col += width;
        }
        return col;
    }

    /** Ends the current encoded line with a soft line break, so that what follows starts at column 0. */
    static void softBreak(MailBytes out) {
        out.put(SOFT_BREAK);
    }
}
