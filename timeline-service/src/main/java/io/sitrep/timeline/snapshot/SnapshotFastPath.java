package io.sitrep.timeline.snapshot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.FastHttpDateFormat;
import org.apache.tomcat.util.http.MimeHeaders;
import org.springframework.http.HttpHeaders;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers the plainest public reads from the snapshot ahead of the servlet context, as a valve of Tomcat's engine: a
 * {@code GET} or {@code HEAD} of exactly a path the snapshot in service holds (the raw request target, not a decoded or
 * normalised one), with no query, no body, no {@code Authorization}, no {@code Origin} and an {@code Accept} the document
 * satisfies. Everything else, another spelling of the same path included, goes on through the context as before (its
 * valves, the firewall, Spring Security, Spring MVC).
 *
 * <p>The headers the filter chain adds to every answer (the security headers, CORS's {@code Vary}) are not written a
 * second time here: the first answer of each path (and scheme) goes through the chain, and the headers it carried that are
 * not the document's own are kept, as bytes, and sent with every later fast answer of that path. So a fast answer carries
 * exactly the headers the chain would have given it; a test compares the two. Every header of a fast answer is set as
 * bytes, the document's own made once per document ({@link ReadyHeaders}), so that Tomcat writes them as they are rather
 * than encoding a string per header per answer. See ADR 0012.
 */
final class SnapshotFastPath extends ValveBase {

    /** The headers each answer sets for itself, or the server does; everything else an answer carries came from the chain. */
    private static final Set<String> OWN = Set.of("etag", "last-modified", "cache-control", "content-type", "content-encoding",
            "content-length", "date", "transfer-encoding", "connection", "keep-alive");
    /** More learned paths than this (incident pages come and go) and the set starts again. */
    private static final int MAX_LEARNED = 4_096;

    private static final Name ETAG = Name.of(HttpHeaders.ETAG);
    private static final Name LAST_MODIFIED = Name.of(HttpHeaders.LAST_MODIFIED);
    private static final Name CACHE_CONTROL = Name.of(HttpHeaders.CACHE_CONTROL);
    private static final Name CONTENT_TYPE = Name.of(HttpHeaders.CONTENT_TYPE);
    private static final Name CONTENT_ENCODING = Name.of(HttpHeaders.CONTENT_ENCODING);
    private static final Name DATE = Name.of(HttpHeaders.DATE);
    private static final byte[] GZIP = ReadyHeaders.ascii("gzip");

    private final PublicSnapshots snapshots;
    private final byte[] cacheControl;
    /** The chain's headers by path, for plain and for secure requests (HSTS, for one, goes only to the latter). */
    private final Map<String, Header[]> learnedPlain = new ConcurrentHashMap<>();
    private final Map<String, Header[]> learnedSecure = new ConcurrentHashMap<>();
    private final Counter fast;
    private final Counter learning;
    /** Tomcat's current date, as the text it gives (which it makes anew once a second) and as bytes. */
    private volatile Stamp date = new Stamp("", new byte[0]);

    SnapshotFastPath(PublicSnapshots snapshots, SnapshotSettings settings, MeterRegistry registry) {
        super(true);
        this.snapshots = snapshots;
        this.cacheControl = ReadyHeaders.ascii(settings.cacheControl());
        this.fast = Counter.builder("sitrep.timeline.snapshot.fast.answers")
                .description("Public reads answered from the snapshot ahead of the filter chain").register(registry);
        this.learning = Counter.builder("sitrep.timeline.snapshot.fast.learned")
                .description("Public reads sent through the filter chain to learn the headers it adds to a path").register(registry);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        // A request the connector already refused (a request line it could not parse) goes on to its error answer.
        PublicDocument document = response.getStatus() == HttpServletResponse.SC_OK ? plainRead(request) : null;
        if (document == null) {
            getNext().invoke(request, response);
            return;
        }
        Map<String, Header[]> learned = request.isSecure() ? learnedSecure : learnedPlain;
        Header[] edge = learned.get(document.path());
        if (edge == null) {
            getNext().invoke(request, response);
            learn(learned, document.path(), response);
            return;
        }
        // Counted before the bytes leave, so that a client that has its answer finds it counted.
        fast.increment();
        write(document, edge, request, response);
    }

    /** The snapshot's document a request asks for when it is a plain read of one, else null. */
    private PublicDocument plainRead(Request request) {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method)) || request.getQueryString() != null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader(HttpHeaders.ORIGIN) != null
                || carriesABody(request)) {
            return null;
        }
        PublicSnapshot snapshot = snapshots.inService();
        if (snapshot == null) {
            return null;
        }
        String target = request.getRequestURI();
        PublicDocument document = target == null ? null : snapshot.documents().get(target);
        return document != null && accepts(request.getHeaders(HttpHeaders.ACCEPT), document.contentType()) ? document : null;
    }

    /** A read that announces a body is left to the chain, whose size limit answers it. */
    private static boolean carriesABody(Request request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /**
     * The same status, headers and bytes as {@link SnapshotAnswers} gives through the chain, plus the chain's own headers
     * for the path; every header value as bytes. Tomcat adds {@code Content-Length} (from the length set here) and, when
     * the client asks for it, {@code Connection}, as for any answer.
     */
    private void write(PublicDocument document, Header[] edge, Request request, Response response) throws IOException {
        boolean gzip = SnapshotAnswers.acceptsGzip(request);
        ReadyHeaders ready = document.ready();
        MimeHeaders headers = response.getCoyoteResponse().getMimeHeaders();
        for (Header header : edge) {
            add(headers, header.name(), header.value());
        }
        add(headers, ETAG, gzip ? ready.gzipEtag() : ready.etag());
        add(headers, LAST_MODIFIED, ready.lastModified());
        add(headers, CACHE_CONTROL, cacheControl);
        add(headers, DATE, currentDate());
        if (SnapshotAnswers.notModified(request, document)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? document.gzip() : document.body();
        response.setStatus(HttpServletResponse.SC_OK);
        add(headers, CONTENT_TYPE, ready.contentType());
        if (gzip) {
            add(headers, CONTENT_ENCODING, GZIP);
        }
        response.getCoyoteResponse().setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /**
     * Adds a header as bytes, copied into the buffers of the header's own fields: Tomcat reuses those fields for later
     * answers on the connection and writes into their buffers (the content length, for one), so they must never be the
     * shared arrays kept here. Once a connection's fields have grown to fit, this allocates nothing.
     */
    private static void add(MimeHeaders headers, Name name, byte[] value) {
        // Added by its text, which leaves the field's buffer as it was, then overwritten with the bytes.
        MessageBytes field = headers.addValue(name.text());
        copy(headers.getName(headers.size() - 1), name.bytes());
        copy(field, value);
    }

    private static void copy(MessageBytes field, byte[] bytes) {
        byte[] buffer = field.getByteChunk().getBuffer();
        if (buffer == null || buffer.length < bytes.length) {
            buffer = new byte[Math.max(64, bytes.length)];
        }
        System.arraycopy(bytes, 0, buffer, 0, bytes.length);
        field.setBytes(buffer, 0, bytes.length);
    }

    /** The date Tomcat would send, as bytes, made anew only when Tomcat's text changes (once a second). */
    private byte[] currentDate() {
        String now = FastHttpDateFormat.getCurrentDate();
        Stamp stamp = date;
        if (!stamp.text().equals(now)) {
            stamp = new Stamp(now, ReadyHeaders.ascii(now));
            date = stamp;
        }
        return stamp.bytes();
    }

    /**
     * True when the {@code Accept} headers take the document's type: none, a wildcard, its type or its type's range. A
     * header that refuses something ({@code q=0}) is left to the chain, which reads it in full.
     */
    static boolean accepts(Enumeration<String> accept, String contentType) {
        if (accept == null || !accept.hasMoreElements()) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        if (parameters >= 0) {
            type = type.substring(0, parameters);
        }
        String range = type.substring(0, type.indexOf('/') + 1) + "*";
        boolean accepted = false;
        while (accept.hasMoreElements()) {
            String header = accept.nextElement().toLowerCase(Locale.ROOT);
            if (refuses(header)) {
                return false;
            }
            accepted |= header.contains("*/*") || header.contains(type) || header.contains(range);
        }
        return accepted;
    }

    private static boolean refuses(String header) {
        int at = header.indexOf("q=0");
        while (at >= 0) {
            int next = at + 3;
            if (next >= header.length() || header.charAt(next) != '.') {
                return true;
            }
            at = header.indexOf("q=0", next);
        }
        return false;
    }

    /**
     * Keeps the headers the chain added to a path's answer, unless the answer was not the snapshot's own, or carried a
     * header that is not plain printable ASCII (sent as bytes, it would skip the filtering Tomcat gives text).
     */
    private void learn(Map<String, Header[]> learned, String path, Response response) {
        int status = response.getStatus();
        if ((status != HttpServletResponse.SC_OK && status != HttpServletResponse.SC_NOT_MODIFIED)
                || response.getHeader(HttpHeaders.SET_COOKIE) != null || response.getHeader(HttpHeaders.ETAG) == null) {
            return;
        }
        List<Header> headers = new ArrayList<>();
        for (String name : new LinkedHashSet<>(response.getHeaderNames())) {
            if (OWN.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : response.getHeaders(name)) {
                if (!ReadyHeaders.printable(name) || !ReadyHeaders.printable(value)) {
                    return;
                }
                headers.add(new Header(Name.of(name), ReadyHeaders.ascii(value)));
            }
        }
        if (learned.size() >= MAX_LEARNED) {
            learned.clear();
        }
        learned.put(path, headers.toArray(Header[]::new));
        learning.increment();
    }

    /** A header the chain added, one per value, in the order it added them; never changed once learned. */
    private record Header(Name name, byte[] value) {
    }

    /** A header's name, as text and as bytes. */
    private record Name(String text, byte[] bytes) {

        static Name of(String text) {
            return new Name(text, ReadyHeaders.ascii(text));
        }
    }

    private record Stamp(String text, byte[] bytes) {
    }
}
