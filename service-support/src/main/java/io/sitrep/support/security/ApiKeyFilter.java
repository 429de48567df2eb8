package io.sitrep.support.security;

import io.sitrep.support.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * Every request under {@code /api/} must present an API key as {@code Authorization: Bearer <key>};
 * each key has a request budget. Keys never reach a log.
 */
public final class ApiKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiAccess access;
    private final ProblemWriter problems;
    private final Set<String> bodyCredentialPaths;
    private final Set<String> publicPaths;

    /**
     * @param bodyCredentialPaths endpoints whose callers may present the key in the body instead of
     *                            the Authorization header; they admit the key themselves
     * @param publicPaths         endpoints that need no key at all
     */
    public ApiKeyFilter(ApiAccess access, ProblemWriter problems, Set<String> bodyCredentialPaths, Set<String> publicPaths) {
        this.access = access;
        this.problems = problems;
        this.bodyCredentialPaths = Set.copyOf(bodyCredentialPaths);
        this.publicPaths = Set.copyOf(publicPaths);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || publicPaths.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null && bodyCredentialPaths.contains(request.getRequestURI())) {
            // This endpoint takes its key from the body and admits it itself.
            chain.doFilter(request, response);
            return;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.length() == BEARER.length()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sitrep\"");
            problems.write(request, response, 401, "unauthenticated", "Authentication required",
                    "Send an API key as 'Authorization: Bearer <key>'.");
            return;
        }
        ApiPrincipal principal;
        try {
            principal = access.admit(authorization.substring(BEARER.length()));
        } catch (ApiAccess.InvalidApiKey e) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sitrep\", error=\"invalid_token\"");
            problems.write(request, response, 401, "invalid-api-key", "Invalid API key", e.getMessage());
            return;
        } catch (ApiAccess.RateLimited e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            problems.write(request, response, 429, "rate-limited", "Too many requests", e.getMessage());
            return;
        }
        request.setAttribute(ApiPrincipal.ATTRIBUTE, principal);
        chain.doFilter(request, response);
    }
}
