package io.sitrep.console.account;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing and the first admin. */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /** New hashes are bcrypt ({@code {bcrypt}…}), the DelegatingPasswordEncoder default; its other stored forms are still read. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    FirstAdmin firstAdmin(Accounts accounts, PasswordEncoder encoder, FirstAdminSettings settings) {
        return new FirstAdmin(accounts, encoder, settings);
    }

    @Bean
    ApplicationRunner firstAdminAtStart(FirstAdmin firstAdmin) {
        return arguments -> firstAdmin.createIfNone();
    }
}
