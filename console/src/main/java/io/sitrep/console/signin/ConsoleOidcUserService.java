package io.sitrep.console.signin;

import io.sitrep.console.account.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Makes a person of an OpenID Connect sign-in: their name from the configured claim (else the subject), their role
 * the highest the roles claim lists (else the default role).
 */
final class ConsoleOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final SignInSettings.Oidc settings;

    ConsoleOidcUserService(SignInSettings.Oidc settings) {
        this.settings = settings;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = delegate.loadUser(request);
        Role role = roleOf(user.getClaims().get(settings.rolesClaim())).orElse(settings.defaultRole());
        String nameClaim = user.getClaims().get(settings.nameClaim()) instanceof String name && !name.isBlank()
                ? settings.nameClaim() : IdTokenClaimNames.SUB;
        return new DefaultOidcUser(List.of(new SimpleGrantedAuthority(role.authority())), user.getIdToken(), user.getUserInfo(), nameClaim);
    }

    static Optional<Role> roleOf(Object claim) {
        if (claim instanceof String text) {
            return Role.parse(text);
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(v -> Role.parse(String.valueOf(v))).flatMap(Optional::stream).max(Enum::compareTo);
        }
        return Optional.empty();
    }
}
