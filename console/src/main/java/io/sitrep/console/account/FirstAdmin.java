package io.sitrep.console.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * On a first start, with no account at all, creates the {@code admin} account with a one-time password (the one
 * given, or a random one said once: the log is the only place it then appears) and flags it to be changed at the
 * first sign-in.
 */
public final class FirstAdmin {

    /** The name of the first account. */
    public static final String USERNAME = "admin";

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final String givenPassword;
    private final Consumer<String> say;

    public FirstAdmin(Accounts accounts, PasswordEncoder encoder, FirstAdminSettings settings) {
        this(accounts, encoder, settings, log::warn);
    }

    FirstAdmin(Accounts accounts, PasswordEncoder encoder, FirstAdminSettings settings, Consumer<String> say) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.givenPassword = settings.password().strip();
        this.say = say;
    }

    /** Creates the first admin if there is no account; true when it did. */
    public boolean createIfNone() {
        if (accounts.count() > 0) {
            return false;
        }
        String password = givenPassword.isEmpty() ? oneTimePassword() : givenPassword;
        if (!accounts.add(new Account(USERNAME, encoder.encode(password), Role.ADMIN, true))) {
            return false;
        }
        say.accept(givenPassword.isEmpty()
                ? "No console accounts yet: created '" + USERNAME + "' with the one-time password " + password
                        + " (shown only now; it must be changed at the first sign-in)"
                : "No console accounts yet: created '" + USERNAME + "' with the one-time password given in "
                        + "SITREP_CONSOLE_FIRST_ADMIN_PASSWORD; it must be changed at the first sign-in");
        return true;
    }

    static String oneTimePassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
