package io.sitrep.support.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

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

    /** The presented key is not known. */
    public static final class InvalidApiKey extends RuntimeException {

        InvalidApiKey() {
            super("The API key is not known.");
        }
    }

    /** The key has used its request budget; retry after {@link #retryAfterSeconds()}. */
    public static final class RateLimited extends RuntimeException {

        private final long retryAfterSeconds;

        RateLimited(String keyName, long retryAfterSeconds) {
            super("The API key '" + keyName + "' has used its request budget; retry after the period given in Retry-After.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
