package io.sitrep.timeline.snapshot;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A document's own header values as the bytes sent on the wire, made once per document: its two entity tags, its
 * {@code Last-Modified} (an HTTP date, as Spring and Tomcat write it) and its {@code Content-Type}.
 */
record ReadyHeaders(byte[] etag, byte[] gzipEtag, byte[] lastModified, byte[] contentType) {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US)
            .withZone(ZoneId.of("GMT"));

    static ReadyHeaders of(PublicDocument document) {
        return new ReadyHeaders(ascii(document.etag()), ascii(document.gzipEtag()), ascii(HTTP_DATE.format(document.lastModified())),
                ascii(document.contentType()));
    }

    /** True when every character is printable ASCII or a space or tab, so its bytes need no filtering. */
    static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** The text's bytes; only ever given printable ASCII. */
    static byte[] ascii(String text) {
        if (!printable(text)) {
            throw new IllegalArgumentException("a header value that is not printable ASCII: " + text.length() + " characters");
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
