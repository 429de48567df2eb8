package io.sitrep.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;

/**
 * PostgreSQL from the embedded binaries on Maven Central, with its data in a folder of its own that
 * outlives the process: stop and start again, and every row is still there. It listens on loopback
 * only, asks every connection for the superuser's password (SCRAM-SHA-256) and writes every commit
 * to disk before it answers.
 */
final class LocalPostgres implements AutoCloseable {

    static final String USER = "postgres";
    static final String ADDRESS = "127.0.0.1";
    private static final String SCRAM = "scram-sha-256";
    private static final String PG_HBA = """
            # Every connection proves the password kept in the data folder's postgres-password.
            local   all          all                 scram-sha-256
            host    all          all   127.0.0.1/32  scram-sha-256
            host    all          all   ::1/128       scram-sha-256
            local   replication  all                 scram-sha-256
            host    replication  all   127.0.0.1/32  scram-sha-256
            host    replication  all   ::1/128       scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final String password;
    private final Process tether;

    private LocalPostgres(EmbeddedPostgres postgres, String password, Process tether) {
        this.postgres = postgres;
        this.password = password;
        this.tether = tether;
    }

    /**
     * Starts PostgreSQL on {@code port} with its data in {@code dataDirectory}; the superuser's password
     * is generated into {@code passwordFile} (owner-only) on first start and read from it afterwards.
     */
    static LocalPostgres start(Path dataDirectory, Path binaries, int port, Path passwordFile) {
        String password = Secrets.kept(passwordFile, () -> Secrets.random(24));
        Path hba = dataDirectory.resolve("pg_hba.conf");
        boolean trusting = trustsEveryone(hba);
        // Before the server starts: pg_ctl puts it in a session of its own, so only the watcher stops it if the launcher dies.
        Process tether = Tether.postgres(dataDirectory);
        LocalPostgres started;
        try {
            started = new LocalPostgres(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // LocalStack stops the database itself, after the services have drained their outboxes; the
                    // library's own hook would stop it at the same time as them.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", ADDRESS)
                    // Nothing here connects over a Unix socket, so there is none to reach the database by.
                    .setServerConfig("unix_socket_directories", "")
                    // The library starts the server with -F (fsync off) and synchronous_commit off; these settings
                    // come later on the command line and win: a 2xx must mean the row is on disk.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // The library passes these to initdb as --name=value: the first start already creates the
                    // superuser with its password and asks every connection for it, with no moment of trust.
                    .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
                    .setLocaleConfig("auth-local", SCRAM)
                    .setLocaleConfig("auth-host", SCRAM)
                    .setConnectConfig("password", password)
                    .start(), password, tether);
        } catch (IOException e) {
            // Ended without acting: the postmaster.pid it would read may name a server that is not this one.
            tether.destroyForcibly();
            throw new UncheckedIOException("could not start PostgreSQL in " + dataDirectory, e);
        } catch (RuntimeException e) {
            tether.destroyForcibly();
            throw e;
        }
        if (trusting) {
            started.requirePassword(hba);
        }
        return started;
    }

    /** True for a data folder made before the database asked for a password: its pg_hba.conf trusts every local connection. */
    private static boolean trustsEveryone(Path hba) {
        if (!Files.isRegularFile(hba)) {
            return false;
        }
        try {
            return Files.readAllLines(hba).stream()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .map(line -> Arrays.asList(line.split("\\s+")))
                    .anyMatch(tokens -> tokens.contains("trust"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + hba, e);
        }
    }

    /** Gives the superuser its password and replaces trust by SCRAM for every connection, then reloads. */
    private void requirePassword(Path hba) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "")) {
            // The driver hashes the password itself: it never reaches the server (or its log) in clear.
            connection.unwrap(PGConnection.class).alterUserPassword(USER, password.toCharArray(), SCRAM);
            Files.writeString(hba, PG_HBA);
            try (Statement reload = connection.createStatement()) {
                reload.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not make PostgreSQL ask for a password", e);
        }
    }

    /** Creates the database unless it exists. */
    void ensureDatabase(String name) {
        try (Connection connection = connect("postgres");
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    /** A connection to {@code database} as the superuser. */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, password);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + ADDRESS + ":" + postgres.getPort() + "/" + database;
    }

    int port() {
        return postgres.getPort();
    }

    /** The superuser's password, for the services' datasource settings. */
    String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            // The server is stopped: the watcher finds no postmaster.pid and exits.
            Tether.release(tether);
        }
    }
}
