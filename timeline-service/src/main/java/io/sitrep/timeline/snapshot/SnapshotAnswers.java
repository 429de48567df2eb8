package io.sitrep.timeline.snapshot;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers public requests from the snapshot in service: ready bytes (gzipped when the client accepts it), a strong
 * {@code ETag}, {@code Last-Modified}, the configured {@code Cache-Control}, and {@code 304 Not Modified} when the
 * client's copy is current ({@code If-None-Match}, or {@code If-Modified-Since} without it).
 */
public class SnapshotAnswers {

    private static final List<String> VARY = List.of(HttpHeaders.ACCEPT_ENCODING);

    private final PublicSnapshots snapshots;
    /** Made once: every answer carries the same one. */
    private final String cacheControl;

    SnapshotAnswers(PublicSnapshots snapshots, SnapshotSettings settings) {
        this.snapshots = snapshots;
        this.cacheControl = settings.cacheControl();
    }

    /** The answer for {@code path} from the snapshot in service; empty when the snapshot has no such document. */
    public Optional<ResponseEntity<byte[]>> answer(String path, HttpServletRequest request) {
        return snapshots.current().document(path).map(document -> answer(document, request));
    }

    /** An answer rendered on request (a document the snapshot does not hold), with the same headers and validators. */
    public ResponseEntity<byte[]> answer(String path, String contentType, byte[] body, HttpServletRequest request) {
        return answer(PublicDocument.of(path, contentType, body, snapshots.current().readAt()), request);
    }

    /** The snapshot in service, for answers that are not documents of their own. */
    public PublicSnapshot snapshot() {
        return snapshots.current();
    }

    ResponseEntity<byte[]> answer(PublicDocument document, HttpServletRequest request) {
        boolean gzip = acceptsGzip(request);
        String etag = gzip ? document.gzipEtag() : document.etag();
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setLastModified(document.lastModified());
        headers.setCacheControl(cacheControl);
        headers.setVary(VARY);
        if (notModified(request, document)) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.setContentType(MediaType.parseMediaType(document.contentType()));
        if (gzip) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return new ResponseEntity<>(gzip ? document.gzip() : document.body(), headers, HttpStatus.OK);
    }

    /**
     * RFC 9110: If-None-Match compares weakly and wins over If-Modified-Since. Either representation's tag matches. Read in
     * place, without splitting the header: every revalidation of a busy path comes through here.
     */
    static boolean notModified(HttpServletRequest request, PublicDocument document) {
        Enumeration<String> ifNoneMatch = request.getHeaders(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.hasMoreElements()) {
            String plain = document.etag();
            String gzipped = document.gzipEtag();
            while (ifNoneMatch.hasMoreElements()) {
                String header = ifNoneMatch.nextElement();
                int at = 0;
                while (at <= header.length()) {
                    int comma = header.indexOf(',', at);
                    int end = comma < 0 ? header.length() : comma;
                    int from = skipSpaces(header, at, end);
                    int to = trimSpaces(header, from, end);
                    if (to - from == 1 && header.charAt(from) == '*') {
                        return true;
                    }
                    if (header.startsWith("W/", from)) {
                        from += 2;
                    }
                    if (matches(header, from, to, plain) || matches(header, from, to, gzipped)) {
                        return true;
                    }
                    at = end + 1;
                }
            }
            return false;
        }
        long since;
        try {
            since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return since >= 0 && !document.lastModified().isAfter(Instant.ofEpochMilli(since));
    }

    /** True when the request accepts gzip with a positive weight: the first gzip coding listed decides. */
    static boolean acceptsGzip(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
        if (values == null) {
            return false;
        }
        while (values.hasMoreElements()) {
            String header = values.nextElement();
            int at = 0;
            while (at <= header.length()) {
                int comma = header.indexOf(',', at);
                int end = comma < 0 ? header.length() : comma;
                int semicolon = header.indexOf(';', at);
                int nameEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
                int from = skipSpaces(header, at, nameEnd);
                int to = trimSpaces(header, from, nameEnd);
                if (matchesIgnoringCase(header, from, to, "gzip") || matchesIgnoringCase(header, from, to, "x-gzip")) {
                    return nameEnd == end || !refused(header.substring(nameEnd, end));
                }
                at = end + 1;
            }
        }
        return false;
    }

    /** True when a coding's parameters ({@code ;q=0}) give it no weight, or a weight that is not a number. */
    private static boolean refused(String parameters) {
        boolean refused = false;
        for (String parameter : parameters.split(";")) {
            String value = parameter.strip().toLowerCase(Locale.ROOT);
            if (value.startsWith("q=")) {
                try {
                    refused = Double.parseDouble(value.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    refused = true;
                }
            }
        }
        return refused;
    }

    private static int skipSpaces(String text, int from, int to) {
        while (from < to && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimSpaces(String text, int from, int to) {
        while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\t')) {
            to--;
        }
        return to;
    }

    private static boolean matches(String text, int from, int to, String expected) {
        return to - from == expected.length() && text.startsWith(expected, from);
    }

    private static boolean matchesIgnoringCase(String text, int from, int to, String expected) {
        return to - from == expected.length() && text.regionMatches(true, from, expected, 0, expected.length());
    }
}
