package io.sitrep.incidentservice.security;

/** The caller's key lacks the scope a command needs. */
public final class InsufficientScope extends RuntimeException {

    public InsufficientScope(ApiPrincipal principal, Scope scope) {
        super("The API key '" + principal.name() + "' lacks the scope " + scope.value() + ".");
    }
}
