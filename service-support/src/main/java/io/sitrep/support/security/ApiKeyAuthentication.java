package io.sitrep.support.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.stream.Collectors;

/**
 * An admitted API key: its principal, with one authority per scope. The key itself is not kept.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiPrincipal principal;

    public ApiKeyAuthentication(ApiPrincipal principal) {
        super(principal.scopes().stream().map(SimpleGrantedAuthority::new).collect(Collectors.toUnmodifiableSet()));
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public ApiPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.name();
    }
}
