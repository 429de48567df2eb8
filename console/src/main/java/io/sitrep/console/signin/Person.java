package io.sitrep.console.signin;

import io.sitrep.console.account.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Arrays;
import java.util.Optional;

/**
 * The person signed in, as every screen and API call sees them.
 *
 * @param name       what the services record as the actor ({@code Sitrep-Actor})
 * @param mustChange whether they must change their one-time password before anything else
 */
public record Person(String name, Role role, boolean mustChange) {

    /** The longest name sent as the actor, as the services accept it. */
    public static final int MAX_NAME_LENGTH = 200;

    /** The person of an authentication, if it is a signed-in one. */
    public static Optional<Person> of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        Role role = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(authority -> Arrays.stream(Role.values()).filter(r -> r.authority().equals(authority)))
                .max(Enum::compareTo)
                .orElse(null);
        if (role == null) {
            return Optional.empty();
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof ConsoleUser user) {
            return Optional.of(new Person(user.getUsername(), role, user.mustChange()));
        }
        if (principal instanceof OidcUser user) {
            return Optional.of(new Person(clean(user.getName()), role, false));
        }
        return Optional.empty();
    }

    public boolean may(Role needed) {
        return role.includes(needed);
    }

    private static String clean(String name) {
        String stripped = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return stripped.length() > MAX_NAME_LENGTH ? stripped.substring(0, MAX_NAME_LENGTH) : stripped;
    }
}
