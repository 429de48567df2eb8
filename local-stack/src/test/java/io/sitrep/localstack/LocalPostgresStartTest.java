package io.sitrep.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 21: a restart silently reused a PostgreSQL left over from a killed launcher while postmaster.pid named it;
 * the library ran pg_ctl, ignored its exit status and only checked that the port answered.
 */
class LocalPostgresStartTest {

    @Test
    void refusesADataFolderThatALiveServerRunsOn(@TempDir Path data) throws Exception {
        Path folder = data.resolve("postgres");
        try (LocalPostgres running = LocalPostgres.start(folder, data.resolve("binaries"), FreePorts.one(), data.resolve("password"))) {
            long pid = Long.parseLong(Files.readAllLines(folder.resolve("postmaster.pid")).get(0).strip());

            assertThatThrownBy(() -> LocalPostgres.start(folder, data.resolve("binaries"), FreePorts.one(), data.resolve("password")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PostgreSQL already runs on " + folder)
                    .hasMessageContaining("pid " + pid)
                    .hasMessageContaining("does not reuse");

            try (Connection connection = running.connect("postgres")) {
                assertThat(connection.isValid(2)).as("the running server is left alone").isTrue();
            }
        }
    }

    @Test
    void refusesAPortThatAnotherProcessListensOn(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName(LocalPostgres.ADDRESS))) {

            assertThatThrownBy(() -> LocalPostgres.start(data.resolve("postgres"), data.resolve("binaries"), taken.getLocalPort(),
                    data.resolve("password")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort())
                    .hasMessageContaining("already in use");

            assertThat(data.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
        }
    }

    @Test
    void clearsThePidFileOfAServerThatIsGoneAndStarts(@TempDir Path data) throws Exception {
        Path folder = data.resolve("postgres");
        int port = FreePorts.one();
        LocalPostgres.start(folder, data.resolve("binaries"), port, data.resolve("password")).close();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(folder.resolve("postmaster.pid"), gone.pid() + "\n" + folder + "\n1700000000\n" + port + "\n\n127.0.0.1\n");
        List<String> said = new CopyOnWriteArrayList<>();

        try (LocalPostgres restarted = LocalPostgres.start(folder, data.resolve("binaries"), port, data.resolve("password"), said::add);
             Connection connection = restarted.connect("postgres")) {

            assertThat(connection.isValid(2)).isTrue();
            assertThat(said).anySatisfy(line -> assertThat(line).startsWith("Cleared a stale postmaster.pid (pid " + gone.pid() + " is gone)"));
            assertThat(Files.readAllLines(folder.resolve("postmaster.pid")).get(0).strip()).isNotEqualTo(Long.toString(gone.pid()));
        }
    }
}
