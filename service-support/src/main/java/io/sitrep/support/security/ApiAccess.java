package io.sitrep.support.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.sitrep.support.web.RequestRefused;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.Optional;

/** Admits a presented API key: known, and within its request budget. */
public final class ApiAccess {

    private final ApiKeys keys;
    private final RateLimiterRegistry rateLimiters;

    public ApiAccess(ApiKeys keys, RateLimiterRegistry rateLimiters) {
        this.keys = keys;
        this.rateLimiters = rateLimiters;
    }

    /**
     * The principal of the key.
     *
     * @throws InvalidApiKey when the key is not known
     * @throws RateLimited   when the key has used its budget for the period
     */
    public ApiPrincipal admit(String presentedKey) {
        Optional<ApiPrincipal> principal = keys.authenticate(presentedKey.strip());
        if (principal.isEmpty()) {
            throw new InvalidApiKey();
        }
        RateLimiter limiter = rateLimiters.rateLimiter("api-key:" + principal.get().name());
        if (!limiter.acquirePermission()) {
            Duration period = limiter.getRateLimiterConfig().getLimitRefreshPeriod();
            throw new RateLimited(principal.get().name(), Math.max(1, (period.toMillis() + 999) / 1000));
        }
        return principal.get();
    }

    /** The presented key is not known: a 401 {@code invalid-api-key}. */
    public static final class InvalidApiKey extends RequestRefused {

        InvalidApiKey() {
            super(HttpStatus.UNAUTHORIZED, "invalid-api-key", "Invalid API key", "The API key is not known.");
        }
    }

    /** The key has used its request budget; retry after {@link #retryAfterSeconds()}. */
    public static final class RateLimited extends RequestRefused {

        private final long retryAfterSeconds;

        RateLimited(String keyName, long retryAfterSeconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "The API key '" + keyName + "' has used its request budget; retry after the period given in Retry-After.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        @Override
        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            return headers;
        }
    }
}
