package io.sitrep.incidentservice.security;

import java.util.Set;

/**
 * The caller, known by the name of the API key it presented, and what that key may do.
 *
 * @param defaultComponent the component integrations using this key affect by default; null for none
 */
public record ApiPrincipal(String name, Set<Scope> scopes, String defaultComponent) {

    /** The request attribute the principal is kept under. */
    public static final String ATTRIBUTE = "io.sitrep.apiPrincipal";

    public ApiPrincipal {
        scopes = Set.copyOf(scopes);
        defaultComponent = defaultComponent == null || defaultComponent.isBlank() ? null : defaultComponent;
    }

    public ApiPrincipal(String name, Set<Scope> scopes) {
        this(name, scopes, null);
    }

    public boolean may(Scope scope) {
        return scopes.contains(Scope.ADMIN) || scopes.contains(scope);
    }
}
