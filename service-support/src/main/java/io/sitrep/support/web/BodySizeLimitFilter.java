package io.sitrep.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * Refuses request bodies over the limit: at once when Content-Length says so, and while reading
 * when the body comes chunked. A path may have a limit of its own (an import of many records).
 */
public final class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long defaultLimit;
    private final Map<String, Long> limitsByPath;
    private final ProblemWriter problems;

    public BodySizeLimitFilter(long limit, ProblemWriter problems) {
        this(limit, Map.of(), problems);
    }

    /** @param limitsByPath the limit of a request to exactly this path (no query), instead of {@code limit} */
    public BodySizeLimitFilter(long limit, Map<String, Long> limitsByPath, ProblemWriter problems) {
        this.defaultLimit = limit;
        this.limitsByPath = Map.copyOf(limitsByPath);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitsByPath.isEmpty() ? defaultLimit : limitsByPath.getOrDefault(request.getRequestURI(), defaultLimit);
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, 413, "payload-too-large", "Payload too large",
                    "The request body is larger than " + limit + " bytes.");
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws BodyTooLarge {
                    read += n;
                    if (read > limit) {
                        throw new BodyTooLarge(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
