package io.sitrep.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One service as a process of its own, supervised: if it dies it is started again, after a pause
 * that grows while it keeps dying, and the supervisor says so. Its output goes to a log file. It is
 * {@link Tether tethered} to the launcher: it stops when the launcher dies.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration STABLE = Duration.ofMinutes(1);
    /** How long a service may take to stop after SIGTERM before it is killed. */
    static final Duration STOP_BOUND = Duration.ofSeconds(30);

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path log;
    private final Consumer<String> say;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "supervisor");
        thread.setDaemon(true);
        return thread;
    });

    private volatile Process process;
    private volatile boolean stopping;
    private volatile long startedAt;
    private int failures;
    private int restartCount;

    ServiceProcess(String name, Path jar, int port, Map<String, String> environment, List<String> jvmOptions, Path log,
                   Consumer<String> say) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.log = log;
        this.say = say;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    int restarts() {
        return restartCount;
    }

    /** The running process, for tests that kill it. */
    Process process() {
        return process;
    }

    synchronized void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not built: " + jar + " is missing; run ./mvnw -q install -DskipTests first");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        // Tethered: if the launcher dies, however it dies, the service stops too instead of living on as an orphan.
        ProcessBuilder builder = new ProcessBuilder(Tether.command(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            OwnerOnly.folder(log.getParent());
            OwnerOnly.createFile(log);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        startedAt = System.nanoTime();
        Process started = process;
        started.onExit().thenAccept(this::exited);
    }

    private synchronized void exited(Process exited) {
        if (stopping || exited != process) {
            return;
        }
        boolean wasStable = System.nanoTime() - startedAt > STABLE.toNanos();
        failures = wasStable ? 1 : failures + 1;
        long delaySeconds = Math.min(30, 1L << Math.min(failures - 1, 5));
        say.accept(name + " exited with code " + exited.exitValue() + "; restarting it in " + delaySeconds + " s (log: " + log + ")");
        restarts.schedule(() -> {
            synchronized (this) {
                if (!stopping) {
                    restartCount++;
                    start();
                    say.accept(name + " restarted");
                }
            }
        }, delaySeconds, TimeUnit.SECONDS);
    }

    /** True when it was stopped or killed on purpose and is kept down ({@link #pause()}, {@link #killAndKeepDown()}). */
    boolean keptDown() {
        return stopping;
    }

    /** True when the service answers its readiness probe with 200. */
    boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the process and keeps it stopped, as an operator would for maintenance; {@link #resume()} starts it again. */
    synchronized void pause() {
        stopping = true;
        terminate();
    }

    /** Kills the process (SIGKILL: no graceful shutdown) and keeps it down, as a machine that died would be. */
    synchronized void killAndKeepDown() {
        stopping = true;
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
    }

    /** Starts a paused process again, supervised as before. */
    synchronized void resume() {
        if (process != null && process.isAlive()) {
            return;
        }
        stopping = false;
        start();
    }

    /**
     * Asks the process to stop (SIGTERM: the service finishes its requests and drains its outbox) and keeps it
     * stopped. The answer completes with how long it took to exit; {@link #kill()} ends one that takes too long.
     */
    synchronized CompletableFuture<Duration> stop() {
        stopping = true;
        restarts.shutdownNow();
        Process running = process;
        if (running == null || !running.isAlive()) {
            return CompletableFuture.completedFuture(Duration.ZERO);
        }
        long asked = System.nanoTime();
        running.destroy();
        return running.onExit().thenApply(exited -> Duration.ofNanos(System.nanoTime() - asked));
    }

    /** Ends the process at once (SIGKILL). */
    void kill() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
    }

    @Override
    public void close() {
        try {
            stop().get(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private void terminate() {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroy();
            try {
                if (!running.waitFor(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                    running.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.destroyForcibly();
            }
        }
    }
}
