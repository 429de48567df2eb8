package io.sitrep.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPostgresTest {

    @Test
    void keepsTheGeneratedPasswordAcrossRestarts(@TempDir Path data) throws Exception {
        int port = FreePorts.one();
        Path passwordFile = data.resolve("postgres-password");
        try (LocalPostgres postgres = LocalPostgres.start(data.resolve("postgres"), data.resolve("binaries"), port, passwordFile)) {
            postgres.ensureDatabase("kept");
        }
        String generated = Files.readString(passwordFile).strip();

        try (LocalPostgres postgres = LocalPostgres.start(data.resolve("postgres"), data.resolve("binaries"), port, passwordFile);
             Connection connection = DriverManager.getConnection(postgres.jdbcUrl("kept"), LocalPostgres.USER, generated)) {

            String password = postgres.password();

            assertThat(password).isEqualTo(generated);
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    /**
     * Security hardening, operations: data folders made before the database asked for a password trust every
     * local connection; the next start gives the superuser its password and keeps the data.
     */
    @Test
    void asksForThePasswordInADataFolderThatTrustedEveryConnection(@TempDir Path data) throws Exception {
        int port = FreePorts.one();
        try (EmbeddedPostgres trusting = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false).setOverrideWorkingDirectory(data.resolve("binaries").toFile()).setPort(port).start();
             Connection connection = trusting.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id int)");
            statement.execute("INSERT INTO kept VALUES (42)");
        }

        try (LocalPostgres postgres = LocalPostgres.start(data.resolve("postgres"), data.resolve("binaries"), port,
                data.resolve("postgres-password"))) {

            String url = postgres.jdbcUrl("postgres");

            assertThatThrownBy(() -> DriverManager.getConnection(url, LocalPostgres.USER, "").close())
                    .isInstanceOf(SQLException.class);
            try (Connection connection = postgres.connect("postgres"); Statement statement = connection.createStatement();
                 ResultSet kept = statement.executeQuery("SELECT id FROM kept")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getInt(1)).isEqualTo(42);
            }
        }
    }
}
