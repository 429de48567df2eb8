package io.sitrep.incidentservice.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.sitrep.incidentservice.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Every request under {@code /api/} must present an API key as {@code Authorization: Bearer <key>};
 * each key has a request budget. Keys never reach a log.
 */
public final class ApiKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final RateLimiterRegistry rateLimiters;
    private final ProblemWriter problems;

    public ApiKeyFilter(ApiKeys keys, RateLimiterRegistry rateLimiters, ProblemWriter problems) {
        this.keys = keys;
        this.rateLimiters = rateLimiters;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.length() == BEARER.length()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sitrep\"");
            problems.write(request, response, 401, "unauthenticated", "Authentication required",
                    "Send an API key as 'Authorization: Bearer <key>'.");
            return;
        }
        Optional<ApiPrincipal> principal = keys.authenticate(authorization.substring(BEARER.length()).trim());
        if (principal.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sitrep\", error=\"invalid_token\"");
            problems.write(request, response, 401, "invalid-api-key", "Invalid API key", "The API key is not known.");
            return;
        }
        RateLimiter limiter = rateLimiters.rateLimiter("api-key:" + principal.get().name());
        if (!limiter.acquirePermission()) {
            Duration period = limiter.getRateLimiterConfig().getLimitRefreshPeriod();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (period.toMillis() + 999) / 1000)));
            problems.write(request, response, 429, "rate-limited", "Too many requests",
                    "The API key '" + principal.get().name() + "' has used its request budget; retry after the period given in Retry-After.");
            return;
        }
        request.setAttribute(ApiPrincipal.ATTRIBUTE, principal.get());
        chain.doFilter(request, response);
    }
}
