package io.sitrep.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ties a process to the launcher through a pipe: the launcher holds the writing end, a small watcher next to the
 * process holds the reading end. The pipe reaches its end when the launcher exits, however it exits (kill -9
 * included, since the kernel closes its descriptors), and the watcher then stops the process. POSIX shell only, so
 * nothing but the JDK and {@code /bin/sh} is needed.
 */
final class Tether {

    /** How long a tethered process may take to stop on SIGTERM after the launcher died before it is killed. */
    static final Duration GRACE = Duration.ofSeconds(10);

    /*
     * Keep the pipe on descriptor 3, start the watcher on it, then become the command itself (exec: same PID, so
     * signals, exit codes and Process.pid() are the command's). The watcher sends SIGTERM to that PID when the pipe
     * ends, and SIGKILL if it still runs after the grace period.
     */
    private static final String COMMAND_SCRIPT = """
            exec 3<&0
            ( cat <&3 >/dev/null
              kill -TERM $$ 2>/dev/null
              i=0
              while kill -0 $$ 2>/dev/null && [ $i -lt %d ]; do sleep 0.5; i=$((i+1)); done
              kill -KILL $$ 2>/dev/null ) &
            exec "$@" </dev/null 3<&-
            """.formatted(GRACE.toSeconds() * 2);

    /*
     * PostgreSQL is started by pg_ctl in a session of its own, never a child of the launcher: when the pipe ends, the
     * watcher asks the server named in the data folder's postmaster.pid for a fast shutdown (SIGINT, what
     * pg_ctl stop -m fast sends), and for an immediate one (SIGQUIT) if it still runs after the grace period.
     */
    private static final String POSTGRES_SCRIPT = """
            cat >/dev/null
            pid=$(head -n 1 "$1/postmaster.pid" 2>/dev/null) || exit 0
            case "$pid" in ''|*[!0-9]*) exit 0;; esac
            kill -INT "$pid" 2>/dev/null || exit 0
            i=0
            while kill -0 "$pid" 2>/dev/null && [ $i -lt %d ]; do sleep 0.5; i=$((i+1)); done
            kill -QUIT "$pid" 2>/dev/null
            exit 0
            """.formatted(GRACE.toSeconds() * 2);

    private Tether() {
    }

    /** {@code command}, run so that it stops when the launcher dies; start it with stdin a pipe (the default). */
    static List<String> command(List<String> command) {
        List<String> tethered = new ArrayList<>(List.of("/bin/sh", "-c", COMMAND_SCRIPT, "sitrep-tether"));
        tethered.addAll(command);
        return tethered;
    }

    /** Starts a watcher that stops the PostgreSQL server of {@code dataDirectory} when the launcher dies. */
    static Process postgres(Path dataDirectory) {
        try {
            Process watcher = new ProcessBuilder("/bin/sh", "-c", POSTGRES_SCRIPT, "sitrep-postgres-tether",
                    dataDirectory.toAbsolutePath().toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return watcher;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the watcher of PostgreSQL", e);
        }
    }

    /** Ends the pipe, as the launcher's death would: the watcher then acts on its own. */
    static void release(Process watcher) {
        try (OutputStream pipe = watcher.getOutputStream()) {
            pipe.flush();
        } catch (IOException e) {
            // Already closed: the watcher has seen the end of the pipe.
        }
    }
}
