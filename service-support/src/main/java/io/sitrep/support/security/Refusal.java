package io.sitrep.support.security;

import org.springframework.security.authorization.AuthorizationResult;

/**
 * A denial that answers with a problem of its own rather than {@code insufficient-scope}, such as
 * an endpoint that configuration switched off.
 */
public record Refusal(int status, String type, String title, String detail) implements AuthorizationResult {

    @Override
    public boolean isGranted() {
        return false;
    }
}
