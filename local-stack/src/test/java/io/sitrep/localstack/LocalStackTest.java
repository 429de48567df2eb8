package io.sitrep.localstack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The stack's broker, database and SMTP sink, without services: how they listen, store and protect their data. */
class LocalStackTest {

    @TempDir
    static Path root;

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Settings.defaults(root).withDataDirectory(root.resolve("data"))
                .onFreePorts().withServices(List.of()), line -> { });
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** Security hardening, operations: the embedded server ran with -F, so a 2xx did not mean the row was on disk. */
    @Test
    void databaseWritesEveryCommitToDiskBeforeItAnswers() throws SQLException {
        try (Connection connection = postgres();
             Statement show = connection.createStatement()) {

            String fsync = value(show, "SHOW fsync");
            String synchronousCommit = value(show, "SHOW synchronous_commit");

            assertThat(fsync).isEqualTo("on");
            assertThat(synchronousCommit).isEqualTo("on");
        }
    }

    /** Security hardening, operations: the broker, the database and the SMTP sink listen on loopback only. */
    @Test
    void brokerDatabaseAndSmtpSinkAnswerOnLoopbackOnly() {
        LocalStack.Settings settings = stack.settings();
        List<Integer> ports = List.of(settings.kafkaPort(), settings.kafkaPort() + 1, settings.postgresPort(),
                settings.smtpPort(), settings.inboxPort());

        for (int port : ports) {

            boolean onLoopback = Loopback.accepts(Loopback.bound(), port);
            List<String> elsewhere = Loopback.others().stream().filter(address -> Loopback.accepts(address, port))
                    .map(Object::toString).toList();

            assertThat(onLoopback).as("port %d on 127.0.0.1", port).isTrue();
            assertThat(elsewhere).as("addresses other than 127.0.0.1 answering on port %d", port).isEmpty();
        }
    }

    /** Security hardening, operations: pg_hba trusted every local connection, with or without a password. */
    @Test
    void databaseRefusesConnectionsWithoutTheGeneratedPassword() throws Exception {
        String url = url();

        Throwable withoutPassword = refusal(() -> DriverManager.getConnection(url, LocalPostgres.USER, ""));
        Throwable withWrongPassword = refusal(() -> DriverManager.getConnection(url, LocalPostgres.USER, "postgres"));

        assertThat(withoutPassword).isNotNull().hasMessageContaining("password");
        assertThat(withWrongPassword).isNotNull().hasMessageContaining("password authentication failed");
        try (Connection connection = postgres(); Statement rules = connection.createStatement();
             ResultSet methods = rules.executeQuery("SELECT DISTINCT auth_method FROM pg_hba_file_rules")) {
            List<String> authMethods = new ArrayList<>();
            while (methods.next()) {
                authMethods.add(methods.getString(1));
            }
            assertThat(authMethods).containsExactly("scram-sha-256");
        }
    }

    @Test
    void keepsTheDatabasePasswordOwnerOnlyInTheDataFolder() throws IOException {
        Path passwordFile = stack.settings().dataDirectory().resolve("postgres-password");

        String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile));

        assertThat(permissions).isEqualTo("rw-------");
        assertThat(Files.readString(passwordFile).strip()).hasSizeGreaterThanOrEqualTo(32);
    }

    /** Security hardening, operations: the PostgreSQL binaries' folder was writable by everyone. */
    @Test
    void leavesNoFolderUnderTheDataFolderWritableByOthers() throws IOException {
        Path data = stack.settings().dataDirectory();

        List<Path> writableByOthers;
        try (Stream<Path> paths = Files.walk(data)) {
            writableByOthers = paths.filter(path -> !Files.isSymbolicLink(path))
                    .filter(path -> permissions(path).contains(PosixFilePermission.OTHERS_WRITE))
                    .toList();
        }

        assertThat(writableByOthers).isEmpty();
        for (String folder : List.of(".", "logs", "kafka", "postgres", "postgres-binaries")) {
            assertThat(PosixFilePermissions.toString(permissions(data.resolve(folder)))).as(folder).isEqualTo("rwx------");
        }
    }

    private static String url() {
        return "jdbc:postgresql://127.0.0.1:" + stack.settings().postgresPort() + "/postgres";
    }

    /** Connects with the password the stack generated, as the services do. */
    private static Connection postgres() throws SQLException {
        try {
            String password = Files.readString(stack.settings().dataDirectory().resolve("postgres-password")).strip();
            return DriverManager.getConnection(url(), LocalPostgres.USER, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    private static Set<PosixFilePermission> permissions(Path path) {
        try {
            return Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Connecting {
        Connection connect() throws SQLException;
    }

    private static SQLException refusal(Connecting connecting) {
        try (Connection ignored = connecting.connect()) {
            return null;
        } catch (SQLException refused) {
            return refused;
        }
    }
}
