package io.sitrep.support.security;

import io.sitrep.support.web.ExplainedDenial;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;

import java.util.function.Supplier;

/**
 * Grants what the caller's key has the scope for ({@code admin} has every scope); a denial names
 * the scope, so the 403 problem can say what is missing.
 */
public final class ScopeCheck {

    private ScopeCheck() {
    }

    /** A request rule: the caller's key has {@code scope}. */
    public static <T> AuthorizationManager<T> scope(String scope) {
        return (authentication, object) -> check(authentication, scope);
    }

    static AuthorizationResult check(Supplier<? extends Authentication> authentication, String scope) {
        Authentication caller = authentication.get();
        if (caller instanceof ApiKeyAuthentication key && key.getPrincipal().may(scope)) {
            return new AuthorizationDecision(true);
        }
        return new Missing(caller instanceof ApiKeyAuthentication key ? key.getPrincipal().name() : null, scope);
    }

    /** The caller lacks {@code scope}; {@code keyName} is null for a caller without a key. */
    public static final class Missing extends AuthorizationDecision implements ExplainedDenial {

        private final String keyName;
        private final String scope;

        Missing(String keyName, String scope) {
            super(false);
            this.keyName = keyName;
            this.scope = scope;
        }

        /** What the caller lacks, in words for the problem's detail. */
        @Override
        public String detail() {
            return keyName == null ? "This needs an API key with the scope " + scope + "."
                    : "The API key '" + keyName + "' lacks the scope " + scope + ".";
        }
    }
}
