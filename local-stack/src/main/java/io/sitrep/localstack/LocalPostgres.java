package io.sitrep.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
    private final Path dataDirectory;
    private final Path binaries;

    private LocalPostgres(EmbeddedPostgres postgres, String password, Process tether, Path dataDirectory, Path binaries) {
        this.postgres = postgres;
        this.password = password;
        this.tether = tether;
        this.dataDirectory = dataDirectory;
        this.binaries = binaries;
    }

    /**
     * Starts PostgreSQL on {@code port} with its data in {@code dataDirectory}; the superuser's password
     * is generated into {@code passwordFile} (owner-only) on first start and read from it afterwards.
     */
    static LocalPostgres start(Path dataDirectory, Path binaries, int port, Path passwordFile) {
        return start(dataDirectory, binaries, port, passwordFile, line -> { });
    }

    /**
     * As {@link #start(Path, Path, int, Path)}, after checking what it finds: a live server on the data folder or a
     * listener on the port is refused, never reused; a postmaster.pid of a process that is gone is cleared (and
     * {@code say} is told). pg_ctl's exit status is honoured.
     */
    static LocalPostgres start(Path dataDirectory, Path binaries, int port, Path passwordFile, Consumer<String> say) {
        clearStalePidFile(dataDirectory, say);
        refuseBusyPort(port);
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
                    .start(), password, tether, dataDirectory, binaries);
            started.requirePgCtlSuccess(dataDirectory);
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

    /**
     * Issue 21: a restart silently reused a server left over from a killed launcher while postmaster.pid named it.
     * A live PostgreSQL on the folder is refused; the file of a process that is gone (or is no PostgreSQL) is cleared.
     */
    private static void clearStalePidFile(Path dataDirectory, Consumer<String> say) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try {
            List<String> lines = Files.readAllLines(pidFile);
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
        } catch (IOException | NumberFormatException e) {
            pid = -1;
        }
        Optional<ProcessHandle> owner = pid > 0 ? ProcessHandle.of(pid).filter(ProcessHandle::isAlive) : Optional.empty();
        if (owner.isPresent() && owner.get().info().command().map(command -> command.endsWith("postgres")).orElse(true)) {
            throw new IllegalStateException("PostgreSQL already runs on " + dataDirectory + " (pid " + pid
                    + ", named in its postmaster.pid), started by another launcher or left over from one; local-stack does "
                    + "not reuse a server it did not start. Stop it (kill -INT " + pid + ") and start again.");
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear the stale " + pidFile, e);
        }
        say.accept("Cleared a stale postmaster.pid" + (pid > 0 ? " (pid " + pid + " is gone)" : "") + " in " + dataDirectory);
    }

    /** Refuses a port that something already listens on: the server there would be taken for this one. */
    private static void refuseBusyPort(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ADDRESS, port), 1000);
        } catch (IOException e) {
            return;
        }
        throw new IllegalStateException("Port " + port + " on " + ADDRESS + " is already in use by another process (another "
                + "PostgreSQL or a stack left running?); local-stack does not reuse it. Stop that process or choose other ports.");
    }

    /** The library ignores how {@code pg_ctl -w start} ended and only checks that the port answers. */
    private void requirePgCtlSuccess(Path dataDirectory) {
        Process pgCtl = postgres.getProcess();
        if (pgCtl == null) {
            return;
        }
        try {
            if (pgCtl.waitFor(10, TimeUnit.SECONDS) && pgCtl.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl could not start PostgreSQL in " + dataDirectory + " (exit status "
                        + pgCtl.exitValue() + "); see its output above");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for pg_ctl", e);
        }
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

    /** The server's process, as its postmaster.pid names it; empty when the file is gone or names no live process. */
    Optional<ProcessHandle> server() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Lets go of a server that died: its watcher ends (it finds no live server to stop), the library's lock on the
     * data folder is released, and the server's own processes, which outlive it for a moment, are waited for, since
     * a new server refuses to start while they still hold the old one's shared memory. Returns whether they ended
     * within {@code bound}.
     */
    boolean abandon(Duration bound) {
        Tether.release(tether);
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            tether.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
            // Its pg_ctl stop fails (there is no server); the library logs that, and frees its lock either way.
            postgres.close();
            while (System.nanoTime() < deadline) {
                if (leftovers().findAny().isEmpty()) {
                    return true;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The lock is released in any case.
        }
        return leftovers().findAny().isEmpty();
    }

    /** Processes still running the server binaries of this folder's installation: backends of a server that died. */
    private Stream<ProcessHandle> leftovers() {
        Path bin;
        try {
            bin = binaries.toRealPath();
        } catch (IOException e) {
            bin = binaries.toAbsolutePath().normalize();
        }
        Path installation = bin;
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> Path.of(command).startsWith(installation)).orElse(false));
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
