package io.sitrep.support.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.util.List;

/** A key as presented in {@code Authorization: Bearer <key>}, before it is admitted. Never logged. */
final class PresentedKey extends AbstractAuthenticationToken {

    private final String key;

    PresentedKey(String key) {
        super(List.of());
        this.key = key;
    }

    @Override
    public String getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return "presented API key";
    }

    @Override
    public String toString() {
        return "PresentedKey[hidden]";
    }
}
