package io.sitrep.support.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** Admits a presented key through {@link ApiAccess}: known, and within its request budget. */
public final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiAccess access;

    public ApiKeyAuthenticationProvider(ApiAccess access) {
        this.access = access;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = ((PresentedKey) authentication).getCredentials();
        try {
            return new ApiKeyAuthentication(access.admit(key));
        } catch (ApiAccess.InvalidApiKey e) {
            throw new UnknownKey(e.getMessage());
        } catch (ApiAccess.RateLimited e) {
            throw new OverBudget(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PresentedKey.class.isAssignableFrom(authentication);
    }

    /** The presented key is not known. */
    static final class UnknownKey extends BadCredentialsException {

        UnknownKey(String message) {
            super(message);
        }
    }

    /** The key is known but has used its request budget. */
    static final class OverBudget extends AuthenticationException {

        private final transient ApiAccess.RateLimited limit;

        OverBudget(ApiAccess.RateLimited limit) {
            super(limit.getMessage());
            this.limit = limit;
        }

        long retryAfterSeconds() {
            return limit.retryAfterSeconds();
        }
    }
}
