package io.sitrep.console.account;

/**
 * A local account.
 *
 * @param username     the name the person signs in with, and is recorded by in every service
 * @param passwordHash the DelegatingPasswordEncoder hash of the password
 * @param mustChange   whether the password was given to the person (the first admin's) and must be changed first
 */
public record Account(String username, String passwordHash, Role role, boolean mustChange) {

    @Override
    public String toString() {
        return "Account[" + username + ", " + role.wireName() + (mustChange ? ", must change password" : "") + "]";
    }
}
