package io.sitrep.localstack;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps PostgreSQL running as the launcher keeps the services running. pg_ctl starts the server in a session of
 * its own, so it is no child whose exit the launcher would hear of: its process is looked at every
 * {@link #CHECK_INTERVAL}. When it died, the launcher says so and starts it again on the same data folder and port,
 * and the services' connection pools reconnect by themselves. When it cannot be started again within
 * {@link #ATTEMPTS} attempts, {@code gaveUp} is told why: the launcher then stops everything and exits non-zero.
 */
final class DatabaseSupervisor implements AutoCloseable {

    /** How often the server's process is looked at. */
    static final Duration CHECK_INTERVAL = Duration.ofMillis(250);
    /** Attempts to start a server that died before giving up, the first at once, then after 1, 2, 4 and 8 s. */
    static final int ATTEMPTS = 5;
    /** How long the processes of a server that died may take to end before a new one is started anyway. */
    private static final Duration LEFTOVERS_BOUND = Duration.ofSeconds(10);

    private final Supplier<LocalPostgres> starter;
    private final Duration firstPause;
    private final Consumer<String> say;
    private final Consumer<String> gaveUp;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "postgres-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile LocalPostgres current;
    private volatile ProcessHandle server;
    private volatile boolean closed;

    private DatabaseSupervisor(Supplier<LocalPostgres> starter, Duration firstPause, Consumer<String> say, Consumer<String> gaveUp) {
        this.starter = starter;
        this.firstPause = firstPause;
        this.say = say;
        this.gaveUp = gaveUp;
    }

    /** Starts the server with {@code starter} (on the calling thread: a failure is thrown) and watches it from then on. */
    static DatabaseSupervisor start(Supplier<LocalPostgres> starter, Consumer<String> say, Consumer<String> gaveUp) {
        return start(starter, Duration.ofSeconds(1), say, gaveUp);
    }

    /** As {@link #start(Supplier, Consumer, Consumer)}, with the pause after the first failed attempt (it doubles after each). */
    static DatabaseSupervisor start(Supplier<LocalPostgres> starter, Duration firstPause, Consumer<String> say, Consumer<String> gaveUp) {
        DatabaseSupervisor supervisor = new DatabaseSupervisor(starter, firstPause, say, gaveUp);
        supervisor.current = starter.get();
        supervisor.server = supervisor.current.server().orElse(null);
        supervisor.watcher.scheduleWithFixedDelay(supervisor::check, CHECK_INTERVAL.toMillis(), CHECK_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        return supervisor;
    }

    /** The server as it runs now; after a restart, the new one (same port, password and data). */
    LocalPostgres current() {
        return current;
    }

    /** The process of the server as it runs now, for tests that kill it. */
    Optional<ProcessHandle> server() {
        return Optional.ofNullable(server);
    }

    /** How many times the server was started again after it died. */
    int restarts() {
        return restarts.get();
    }

    private void check() {
        ProcessHandle watched = server;
        if (closed || (watched != null && watched.isAlive())) {
            return;
        }
        long begin = System.nanoTime();
        say.accept("PostgreSQL " + (watched == null ? "" : "(pid " + watched.pid() + ") ") + "died; starting it again on the same data …");
        if (!current.abandon(LEFTOVERS_BOUND)) {
            say.accept("Processes of the PostgreSQL that died still run after " + LEFTOVERS_BOUND.toSeconds() + " s; starting anyway");
        }
        String lastFailure = "";
        for (int attempt = 1; attempt <= ATTEMPTS && !closed; attempt++) {
            try {
                LocalPostgres started = starter.get();
                current = started;
                server = started.server().orElse(null);
                restarts.incrementAndGet();
                say.accept(String.format(Locale.ROOT, "PostgreSQL is back (pid %s) after %.1f s; the services reconnect by themselves",
                        server == null ? "?" : Long.toString(server.pid()), (System.nanoTime() - begin) / 1e9));
                return;
            } catch (RuntimeException e) {
                lastFailure = e.getMessage();
                say.accept("Could not start PostgreSQL again (attempt " + attempt + " of " + ATTEMPTS + "): " + lastFailure);
                if (attempt < ATTEMPTS && !pause(firstPause.multipliedBy(1L << (attempt - 1)))) {
                    return;
                }
            }
        }
        if (!closed) {
            closed = true;
            watcher.shutdown();
            gaveUp.accept("PostgreSQL died and could not be started again after " + ATTEMPTS + " attempts (" + lastFailure + ")");
        }
    }

    /** Waits between attempts on the supervisor's own thread; false when interrupted by {@link #close()}. */
    private boolean pause(Duration pause) {
        try {
            TimeUnit.MILLISECONDS.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops watching (a restart under way is waited for), then stops the server. */
    @Override
    public void close() throws IOException {
        closed = true;
        watcher.shutdown();
        try {
            if (!watcher.awaitTermination(30, TimeUnit.SECONDS)) {
                watcher.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current.close();
    }
}
