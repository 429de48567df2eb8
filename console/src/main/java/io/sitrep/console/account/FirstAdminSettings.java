package io.sitrep.console.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin, made at a first start with no account.
 *
 * @param password its one-time password, from the environment only ({@code SITREP_CONSOLE_FIRST_ADMIN_PASSWORD}, as
 *                 local-stack gives it); empty for a random one said once in the log
 */
@ConfigurationProperties("sitrep.console.first-admin")
public record FirstAdminSettings(@DefaultValue("") String password) {

    @Override
    public String toString() {
        return "FirstAdminSettings[password=" + (password.isBlank() ? "random" : "given") + "]";
    }
}
