package io.sitrep.console.account;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do in the console. Each role may do everything the one before it may.
 * The console's own key has the scopes of the highest role; the role decides which of them a person's requests use.
 */
public enum Role {
    /** Reads every screen, changes nothing. */
    VIEWER,
    /** Also opens, updates, publishes and resolves incidents (incidents:write). */
    RESPONDER,
    /** Also manages components, maintenance, templates and accounts (components:write, maintenance:write). */
    ADMIN;

    /** The Spring Security authority of the role, e.g. {@code ROLE_RESPONDER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role's name as stored and configured: {@code viewer}, {@code responder}, {@code admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role may do what {@code other} may. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.wireName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
