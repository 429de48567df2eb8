package io.sitrep.support.security;

import io.sitrep.support.web.RequestRefused;
import org.springframework.http.HttpStatus;

/** The caller's key lacks the scope a command needs: a 403 {@code insufficient-scope}. */
public final class InsufficientScope extends RequestRefused {

    public InsufficientScope(ApiPrincipal principal, String scope) {
        super(HttpStatus.FORBIDDEN, "insufficient-scope", "Not allowed", "The API key '" + principal.name() + "' lacks the scope " + scope + ".");
    }
}
