package io.sitrep.console.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** The local accounts, in the console's own database. */
@Repository
public class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("SELECT username, password_hash, role, must_change FROM accounts WHERE username = :username")
                .param("username", username)
                .query((rs, n) -> new Account(rs.getString("username"), rs.getString("password_hash"),
                        Role.parse(rs.getString("role")).orElseThrow(), rs.getBoolean("must_change")))
                .optional();
    }

    /** Adds the account; false when the name is taken. */
    public boolean add(Account account) {
        return jdbc.sql("""
                        INSERT INTO accounts (username, password_hash, role, must_change)
                        VALUES (:username, :hash, :role, :mustChange) ON CONFLICT (username) DO NOTHING""")
                .param("username", account.username())
                .param("hash", account.passwordHash())
                .param("role", account.role().wireName())
                .param("mustChange", account.mustChange())
                .update() == 1;
    }

    public void changePassword(String username, String passwordHash) {
        jdbc.sql("UPDATE accounts SET password_hash = :hash, must_change = FALSE, updated_at = now() WHERE username = :username")
                .param("username", username)
                .param("hash", passwordHash)
                .update();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM accounts").query(Long.class).single();
    }
}
