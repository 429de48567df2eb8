package io.sitrep.incidentservice.security;

import java.util.Set;

/** The caller, known by the name of the API key it presented, and what that key may do. */
public record ApiPrincipal(String name, Set<Scope> scopes) {

    /** The request attribute the principal is kept under. */
    public static final String ATTRIBUTE = "io.sitrep.apiPrincipal";

    public ApiPrincipal {
        scopes = Set.copyOf(scopes);
    }

    public boolean may(Scope scope) {
        return scopes.contains(Scope.ADMIN) || scopes.contains(scope);
    }
}
