package io.sitrep.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 21: after kill -9 of PostgreSQL it stayed down for good, with the launcher silent and the services "up". */
class DatabaseSupervisorTest {

    @Test
    void aServerKilledWithMinus9IsStartedAgainOnTheSameDataAndSaidSo(@TempDir Path data) throws Exception {
        int port = FreePorts.one();
        List<String> said = new CopyOnWriteArrayList<>();
        CompletableFuture<String> gaveUp = new CompletableFuture<>();
        try (DatabaseSupervisor supervisor = DatabaseSupervisor.start(
                () -> LocalPostgres.start(data.resolve("postgres"), data.resolve("binaries"), port, data.resolve("password")),
                said::add, gaveUp::complete)) {
            try (Connection connection = supervisor.current().connect("postgres"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id int)");
                statement.execute("INSERT INTO kept VALUES (42)");
            }
            ProcessHandle killed = supervisor.server().orElseThrow();

            killed.destroyForcibly();

            await().atMost(Duration.ofSeconds(60)).until(() -> supervisor.restarts() == 1);
            assertThat(supervisor.server()).hasValueSatisfying(server -> {
                assertThat(server.pid()).isNotEqualTo(killed.pid());
                assertThat(server.isAlive()).isTrue();
            });
            try (Connection connection = supervisor.current().connect("postgres"); Statement statement = connection.createStatement();
                 ResultSet kept = statement.executeQuery("SELECT id FROM kept")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getInt(1)).isEqualTo(42);
            }
            assertThat(said).anySatisfy(line -> assertThat(line).isEqualTo("PostgreSQL (pid " + killed.pid()
                    + ") died; starting it again on the same data …"));
            assertThat(said).anySatisfy(line -> assertThat(line).startsWith("PostgreSQL is back (pid " + supervisor.server().orElseThrow().pid() + ")"));
            assertThat(gaveUp).isNotDone();
        }
    }

    @Test
    void aServerThatCannotBeStartedAgainEndsInAFailureThatSaysWhy(@TempDir Path data) throws Exception {
        int port = FreePorts.one();
        AtomicInteger starts = new AtomicInteger();
        CompletableFuture<String> gaveUp = new CompletableFuture<>();
        try (DatabaseSupervisor supervisor = DatabaseSupervisor.start(() -> {
            if (starts.incrementAndGet() > 1) {
                throw new IllegalStateException("the data folder is unreadable");
            }
            return LocalPostgres.start(data.resolve("postgres"), data.resolve("binaries"), port, data.resolve("password"));
        }, Duration.ofMillis(10), line -> { }, gaveUp::complete)) {

            supervisor.server().orElseThrow().destroyForcibly();

            assertThat(gaveUp).succeedsWithin(Duration.ofSeconds(60)).isEqualTo("PostgreSQL died and could not be started again after "
                    + DatabaseSupervisor.ATTEMPTS + " attempts (the data folder is unreadable)");
            assertThat(starts).hasValue(1 + DatabaseSupervisor.ATTEMPTS);
        }
    }
}
