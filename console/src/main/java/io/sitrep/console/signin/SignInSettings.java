package io.sitrep.console.signin;

import io.sitrep.console.account.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How people sign in and how long they stay signed in.
 *
 * @param idleTimeout          a session unused this long ends, and the person signs in again (seconds are honoured)
 * @param maxFailuresPerAccount failed sign-ins per account within {@link #failureWindow} before the account is refused for the rest of it
 * @param maxFailuresPerAddress failed sign-ins per client address within {@link #failureWindow} before the address is refused for the rest of it
 * @param failureWindow        the period over which failed sign-ins are counted
 * @param oidc                 how people signed in through OpenID Connect get their name and role
 */
@Validated
@ConfigurationProperties("sitrep.console.sign-in")
public record SignInSettings(
        @DefaultValue("30m") @NotNull Duration idleTimeout,
        @DefaultValue("5") @Min(1) int maxFailuresPerAccount,
        @DefaultValue("20") @Min(1) int maxFailuresPerAddress,
        @DefaultValue("15m") @NotNull Duration failureWindow,
        @DefaultValue @Valid @NotNull Oidc oidc) {

    /**
     * OpenID Connect sign-in, when a client registration is configured under
     * {@code spring.security.oauth2.client.registration.*}.
     *
     * @param nameClaim   the ID token claim that names the person in every service's record (else the subject)
     * @param rolesClaim  the claim listing the person's roles ({@code viewer}, {@code responder}, {@code admin}); the highest counts
     * @param defaultRole the role of a person whose token lists none of them
     */
    public record Oidc(
            @DefaultValue("preferred_username") @NotBlank String nameClaim,
            @DefaultValue("roles") @NotBlank String rolesClaim,
            @DefaultValue("viewer") @NotNull Role defaultRole) {
    }
}
