package io.sitrep.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** A running PostgreSQL server on which each test context gets a database of its own. */
public abstract class PostgresServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The JDBC URL of a database on this server. */
    public abstract String jdbcUrl(String database);

    public abstract String username();

    public abstract String password();

    abstract void stop();

    /** Creates a new, empty database and returns its name. */
    public String createDatabase(String prefix) {
        String name = (prefix + "_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid())
                .toLowerCase().replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return name;
    }
}
