package io.sitrep.support.security;

import io.sitrep.events.Visibility;

import java.util.Set;

/**
 * The caller, known by the name of the API key it presented, and what that key may do.
 *
 * @param scopes           what the key may do, e.g. {@code incidents:write}; {@link #ADMIN} may do everything
 * @param defaultComponent the component integrations using this key affect by default; null for none
 * @param incidentVisibility the visibility of incidents integrations open with this key; null for the service's default
 * @param actingFor        the person a trusted client ({@link #DELEGATE}) names in {@link #ACTOR_HEADER}; null when none
 */
public record ApiPrincipal(String name, Set<String> scopes, String defaultComponent, Visibility incidentVisibility, String actingFor) {

    /** The request attribute the principal is kept under. */
    public static final String ATTRIBUTE = "io.sitrep.apiPrincipal";

    /** The scope that grants every other. */
    public static final String ADMIN = "admin";

    /** The scope of a trusted client that may act for a person it names in {@link #ACTOR_HEADER}. */
    public static final String DELEGATE = "actor:delegate";

    /** The request header naming the person a trusted client acts for; only keys with {@link #DELEGATE} may send it. */
    public static final String ACTOR_HEADER = "Sitrep-Actor";

    public ApiPrincipal {
        scopes = Set.copyOf(scopes);
        defaultComponent = defaultComponent == null || defaultComponent.isBlank() ? null : defaultComponent;
        actingFor = actingFor == null || actingFor.isBlank() ? null : actingFor;
    }

    public ApiPrincipal(String name, Set<String> scopes, String defaultComponent) {
        this(name, scopes, defaultComponent, null, null);
    }

    public ApiPrincipal(String name, Set<String> scopes) {
        this(name, scopes, null);
    }

    /** Who a command is recorded as done by: the person the client acts for, else the key's name. */
    public String actor() {
        return actingFor == null ? name : actingFor;
    }

    /** This principal acting for {@code person}. */
    public ApiPrincipal actingFor(String person) {
        return new ApiPrincipal(name, scopes, defaultComponent, incidentVisibility, person);
    }

    public boolean may(String scope) {
        return scopes.contains(ADMIN) || scopes.contains(scope);
    }
}
