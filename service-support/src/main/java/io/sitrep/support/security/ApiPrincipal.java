package io.sitrep.support.security;

import java.util.Set;

/**
 * The caller, known by the name of the API key it presented, and what that key may do.
 *
 * @param scopes           what the key may do, e.g. {@code incidents:write}; {@link #ADMIN} may do everything
 * @param defaultComponent the component integrations using this key affect by default; null for none
 */
public record ApiPrincipal(String name, Set<String> scopes, String defaultComponent) {

    /** The request attribute the principal is kept under. */
    public static final String ATTRIBUTE = "io.sitrep.apiPrincipal";

    /** The scope that grants every other. */
    public static final String ADMIN = "admin";

    public ApiPrincipal {
        scopes = Set.copyOf(scopes);
        defaultComponent = defaultComponent == null || defaultComponent.isBlank() ? null : defaultComponent;
    }

    public ApiPrincipal(String name, Set<String> scopes) {
        this(name, scopes, null);
    }

    public boolean may(String scope) {
        return scopes.contains(ADMIN) || scopes.contains(scope);
    }
}
