package io.sitrep.timeline.snapshot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * Answers the plainest public reads from the snapshot ahead of the rest of the stack: a {@code GET} or {@code HEAD} of
 * exactly a path the snapshot in service holds, with no query, no {@code Authorization}, no {@code Origin} and an
 * {@code Accept} the document satisfies. Everything else, another spelling of the same path included, goes through the
 * filter chain as before (the firewall, Spring Security, Spring MVC).
 *
 * <p>The headers the chain adds to every answer (the security headers, CORS's {@code Vary}) are not written a second time
 * here: the first answer of each path (and scheme) goes through the chain, and the headers it carried that are not the
 * document's own are kept and sent with every later fast answer of that path. So a fast answer carries exactly the
 * headers the chain would have given it; a test compares the two. See ADR 0012.
 */
final class SnapshotFastPath implements Filter {

    /** The headers each answer sets for itself, or the server does; everything else an answer carries came from the chain. */
    private static final Set<String> OWN = Set.of("etag", "last-modified", "cache-control", "content-type", "content-encoding",
            "content-length", "date", "transfer-encoding", "connection", "keep-alive");
    /** More learned paths than this (incident pages come and go) and the set starts again. */
    private static final int MAX_LEARNED = 4_096;

    private final PublicSnapshots snapshots;
    private final SnapshotAnswers answers;
    private final Map<Learned, Header[]> learned = new ConcurrentHashMap<>();
    private final Counter fast;
    private final Counter learning;

    SnapshotFastPath(PublicSnapshots snapshots, SnapshotAnswers answers, MeterRegistry registry) {
        this.snapshots = snapshots;
        this.answers = answers;
        this.fast = Counter.builder("sitrep.timeline.snapshot.fast.answers")
                .description("Public reads answered from the snapshot ahead of the filter chain").register(registry);
        this.learning = Counter.builder("sitrep.timeline.snapshot.fast.learned")
                .description("Public reads sent through the filter chain to learn the headers it adds to a path").register(registry);
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain) throws IOException, ServletException {
        if (!(servletRequest instanceof HttpServletRequest request) || !(servletResponse instanceof HttpServletResponse response)) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        PublicDocument document = plainRead(request);
        if (document == null) {
            chain.doFilter(request, response);
            return;
        }
        Learned key = new Learned(document.path(), request.isSecure());
        Header[] edge = learned.get(key);
        if (edge == null) {
            chain.doFilter(request, response);
            learn(key, response);
            return;
        }
        // Arrays, not lists: a list's iterator is made for every answer, and this runs for every answer.
        for (Header header : edge) {
            String[] values = header.values();
            for (int i = 0; i < values.length; i++) {
                response.addHeader(header.name(), values[i]);
            }
        }
        // Counted before the bytes leave, so that a client that has its answer finds it counted.
        fast.increment();
        answers.write(document, request, response);
    }

    /** The snapshot's document a request asks for when it is a plain read of one, else null. */
    private PublicDocument plainRead(HttpServletRequest request) {
        String method = request.getMethod();
        if (request.getDispatcherType() != DispatcherType.REQUEST || !("GET".equals(method) || "HEAD".equals(method))
                || request.getQueryString() != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getHeader(HttpHeaders.ORIGIN) != null) {
            return null;
        }
        PublicSnapshot snapshot = snapshots.inService();
        if (snapshot == null) {
            return null;
        }
        PublicDocument document = snapshot.documents().get(request.getRequestURI());
        return document != null && accepts(request.getHeaders(HttpHeaders.ACCEPT), document.contentType()) ? document : null;
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

    /** Keeps the headers the chain added to a path's answer, unless the answer was not the snapshot's own. */
    private void learn(Learned key, HttpServletResponse response) {
        int status = response.getStatus();
        if ((status != HttpServletResponse.SC_OK && status != HttpServletResponse.SC_NOT_MODIFIED)
                || response.getHeader(HttpHeaders.SET_COOKIE) != null || response.getHeader(HttpHeaders.ETAG) == null) {
            return;
        }
        List<Header> headers = new ArrayList<>();
        for (String name : new LinkedHashSet<>(response.getHeaderNames())) {
            if (!OWN.contains(name.toLowerCase(Locale.ROOT))) {
                headers.add(new Header(name, response.getHeaders(name).toArray(String[]::new)));
            }
        }
        if (learned.size() >= MAX_LEARNED) {
            learned.clear();
        }
        learned.put(key, headers.toArray(Header[]::new));
        learning.increment();
    }

    private record Learned(String path, boolean secure) {
    }

    /** A header the chain added, with its values in the order it added them; never changed once learned. */
    private record Header(String name, String[] values) {
    }
}
