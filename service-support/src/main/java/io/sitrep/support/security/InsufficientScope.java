package io.sitrep.support.security;

/** The caller's key lacks the scope a command needs. */
public final class InsufficientScope extends RuntimeException {

    public InsufficientScope(ApiPrincipal principal, String scope) {
        super("The API key '" + principal.name() + "' lacks the scope " + scope + ".");
    }
}
