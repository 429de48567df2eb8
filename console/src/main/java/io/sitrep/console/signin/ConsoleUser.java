package io.sitrep.console.signin;

import io.sitrep.console.account.Account;
import io.sitrep.console.account.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** A person signed in with a local account. */
public final class ConsoleUser implements UserDetails {

    private final String username;
    private final String passwordHash;
    private final Role role;
    private final boolean mustChange;

    public ConsoleUser(Account account) {
        this.username = account.username();
        this.passwordHash = account.passwordHash();
        this.role = account.role();
        this.mustChange = account.mustChange();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    Role role() {
        return role;
    }

    boolean mustChange() {
        return mustChange;
    }
}
