package io.sitrep.timeline.snapshot;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sitrep.timeline.readmodel.ReadModelsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Keeps the public snapshot of this instance. A change of the read models only asks for a build: the build runs on
 * the snapshot's own thread, never on a consumer's, at most one at a time and at least {@code min-interval} apart, so a
 * burst of batches costs one read. A build renders every {@link PublicSurface} from one read-only repeatable-read
 * transaction, after the transaction has ended, the surfaces side by side. A build that fails leaves the last good
 * snapshot in service, is counted and shown in health, and is tried again after a backoff.
 */
public class PublicSnapshots implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicSnapshots.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    /**
     * Threads that render surfaces beside the snapshot's own: two, so that the three surfaces (page, feed, API) render at
     * once. On a busy machine the scheduler shares the cores by thread, so three threads get three times one thread's
     * share; on an idle one a build takes its longest surface rather than the sum.
     */
    private static final int RENDERERS = 2;

    /** Resolved at the first build: the surfaces answer from this holder, so they cannot be handed to it when it is made. */
    private final Supplier<List<PublicSurface>> surfaces;
    private volatile List<PublicSurface> resolved;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final SnapshotSettings settings;
    private final ApplicationEventPublisher events;
    private final Timer built;
    private final Timer failed;
    private final MeterRegistry registry;
    private final Map<String, Timer> phases = new ConcurrentHashMap<>();

    private final AtomicReference<PublicSnapshot> current = new AtomicReference<>();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ReentrantLock building = new ReentrantLock();
    private volatile ScheduledExecutorService executor;
    /** Render all but the first surface of a build, beside the snapshot's thread; null while stopped. */
    private volatile ExecutorService renderers;
    private volatile long lastStartNanos = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
    private volatile int consecutiveFailures;
    private volatile String lastFailure;
    private volatile Instant lastFailureAt;
    private volatile Duration lastBuildDuration;
    /** What the last build read by incident version; touched only by builds, which run one at a time. */
    private SnapshotReads.Carried carried;

    PublicSnapshots(Supplier<List<PublicSurface>> surfaces, TransactionTemplate transactions, JsonMapper json, Clock clock,
                    SnapshotSettings settings, ApplicationEventPublisher events, MeterRegistry registry) {
        this.surfaces = surfaces;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.events = events;
        this.registry = registry;
        this.built = Timer.builder("sitrep.timeline.snapshot.build").tag("outcome", "success")
                .description("Time to read the public state and render every public answer from it").register(registry);
        this.failed = Timer.builder("sitrep.timeline.snapshot.build").tag("outcome", "failure")
                .description("Time to read the public state and render every public answer from it").register(registry);
        Gauge.builder("sitrep.timeline.snapshot.age", this, PublicSnapshots::ageSeconds).baseUnit("seconds")
                .description("How long ago the read behind the public snapshot in service began; NaN before the first").register(registry);
        Gauge.builder("sitrep.timeline.snapshot.consecutive.failures", this, snapshots -> snapshots.consecutiveFailures)
                .description("Snapshot builds failed in a row; the last good snapshot is served meanwhile").register(registry);
    }

    /** The snapshot in service; the first is built on the caller's thread if none was built yet. */
    public PublicSnapshot current() {
        PublicSnapshot snapshot = current.get();
        if (snapshot != null) {
            return snapshot;
        }
        building.lock();
        try {
            snapshot = current.get();
            return snapshot != null ? snapshot : build(true);
        } finally {
            building.unlock();
        }
    }

    /** The snapshot in service, or null before the first: never builds one. */
    PublicSnapshot inService() {
        return current.get();
    }

    /**
     * Asks for a build and returns at once. Returns the request's number: every snapshot that {@link PublicSnapshot#covers
     * covers} it holds everything committed before this call.
     */
    public long requestBuild() {
        long request = requested.incrementAndGet();
        ScheduledExecutorService running = executor;
        if (running != null && scheduled.compareAndSet(false, true)) {
            long sinceLast = System.nanoTime() - lastStartNanos;
            long wait = Math.max(0, settings.minInterval().toNanos() - sinceLast);
            try {
                running.schedule(this::scheduledBuild, wait, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
            }
        }
        return request;
    }

    @EventListener
    void readModelsChanged(ReadModelsChanged change) {
        requestBuild();
    }

    private void scheduledBuild() {
        // Cleared first: a change from now on asks for another build after this one.
        scheduled.set(false);
        building.lock();
        try {
            build(false);
        } catch (RuntimeException e) {
            // Counted and logged in build; the last good snapshot stays in service.
        } finally {
            building.unlock();
        }
    }

    private PublicSnapshot build(boolean rethrow) {
        lastStartNanos = System.nanoTime();
        long covers = requested.get();
        long started = System.nanoTime();
        try {
            PublicSnapshot previous = current.get();
            PublicSnapshot next = readThenRender(previous, covers);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            built.record(took);
            lastBuildDuration = took;
            current.set(next);
            if (consecutiveFailures > 0) {
                log.info("Public snapshot {} built after {} failed builds", next.version(), consecutiveFailures);
            }
            consecutiveFailures = 0;
            events.publishEvent(new SnapshotPublished(next));
            return next;
        } catch (RuntimeException e) {
            failed.record(Duration.ofNanos(System.nanoTime() - started));
            consecutiveFailures++;
            lastFailure = e.getClass().getSimpleName();
            lastFailureAt = clock.instant();
            log.warn("Building the public snapshot failed ({} in a row), serving the last good one: {}", consecutiveFailures, e.toString());
            retryLater();
            if (rethrow) {
                throw e;
            }
            return current.get();
        }
    }

    /**
     * Every surface reads within the one transaction; the transaction ends; then every surface renders what it read. Each
     * phase's time is its read and its rendering together.
     */
    private PublicSnapshot readThenRender(PublicSnapshot previous, long covers) {
        Instant now = clock.instant();
        SnapshotContent content = new SnapshotContent(now, json, previous == null ? Map.of() : previous.documents(), carried);
        if (resolved == null) {
            resolved = List.copyOf(surfaces.get());
        }
        long[] nanos = new long[resolved.size()];
        List<PublicSurface.Rendering> renderings = transactions.execute(status -> {
            List<PublicSurface.Rendering> read = new ArrayList<>(resolved.size());
            for (int i = 0; i < resolved.size(); i++) {
                long started = System.nanoTime();
                read.add(resolved.get(i).read(content));
                nanos[i] = System.nanoTime() - started;
            }
            content.readEnded();
            return read;
        });
        long version = previous == null ? 1 : previous.version() + 1;
        render(renderings, nanos);
        StringBuilder took = log.isDebugEnabled() ? new StringBuilder() : null;
        for (int i = 0; i < resolved.size(); i++) {
            PublicSurface surface = resolved.get(i);
            phase(surface.phase()).record(nanos[i], TimeUnit.NANOSECONDS);
            if (took != null) {
                took.append(took.isEmpty() ? "" : ", ").append(surface.phase()).append(' ').append(nanos[i] / 1_000_000).append(" ms");
            }
        }
        carried = content.carriedOver();
        if (took != null) {
            log.debug("Public snapshot {} rendered {} documents: {}", version, content.documents().size(), took);
        }
        return new PublicSnapshot(version, now, covers, Map.copyOf(content.documents()));
    }

    /**
     * Runs the renderings side by side: the first on this thread, the others on the renderers while they run (one after
     * the other before {@link #start} and after {@link #stop}). Returns when every one has ended; the first failure is
     * thrown then, so that no rendering of this build still runs when the next begins. Adds each one's time to {@code nanos}.
     */
    private void render(List<PublicSurface.Rendering> renderings, long[] nanos) {
        ExecutorService pool = renderers;
        List<Future<?>> others = new ArrayList<>();
        for (int i = 1; i < renderings.size(); i++) {
            int index = i;
            Runnable task = () -> nanos[index] += timed(renderings.get(index));
            Future<?> submitted = null;
            if (pool != null) {
                try {
                    submitted = pool.submit(task);
                } catch (RejectedExecutionException e) {
                    // Stopping: rendered here instead.
                }
            }
            if (submitted != null) {
                others.add(submitted);
            } else {
                task.run();
            }
        }
        RuntimeException failure = null;
        try {
            nanos[0] += timed(renderings.get(0));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> other : others) {
            try {
                other.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new IllegalStateException("interrupted while the snapshot rendered", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static long timed(PublicSurface.Rendering rendering) {
        long started = System.nanoTime();
        rendering.render();
        return System.nanoTime() - started;
    }

    private Timer phase(String name) {
        return phases.computeIfAbsent(name, phase -> Timer.builder("sitrep.timeline.snapshot.build.phase").tag("phase", phase)
                .description("Time one public surface took to read and render its answers within a snapshot's build").register(registry));
    }

    private void retryLater() {
        ScheduledExecutorService running = executor;
        if (running == null) {
            return;
        }
        long backoff = FIRST_RETRY.toMillis() << Math.min(consecutiveFailures - 1, 16);
        try {
            running.schedule(this::requestBuild, Math.min(backoff, settings.refreshInterval().toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Stopping.
        }
    }

    private double ageSeconds() {
        PublicSnapshot snapshot = current.get();
        return snapshot == null ? Double.NaN : Duration.between(snapshot.readAt(), clock.instant()).toMillis() / 1000.0;
    }

    /** What health shows: the snapshot in service and how the last builds went. */
    Map<String, Object> describe() {
        Map<String, Object> details = new LinkedHashMap<>();
        PublicSnapshot snapshot = current.get();
        if (snapshot != null) {
            details.put("version", snapshot.version());
            details.put("readAt", snapshot.readAt().toString());
            details.put("ageSeconds", ageSeconds());
            details.put("documents", snapshot.documents().size());
        }
        if (lastBuildDuration != null) {
            details.put("lastBuildMillis", lastBuildDuration.toMillis());
        }
        details.put("consecutiveFailures", consecutiveFailures);
        if (lastFailure != null) {
            details.put("lastFailure", lastFailure);
            details.put("lastFailureAt", lastFailureAt.toString());
        }
        return details;
    }

    boolean serving() {
        return current.get() != null;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    @Override
    public void start() {
        renderers = Executors.newFixedThreadPool(RENDERERS, daemons(n -> "timeline-snapshot-render-" + n));
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(daemons(n -> "timeline-snapshot"));
        executor = started;
        long refresh = settings.refreshInterval().toMillis();
        started.scheduleWithFixedDelay(this::requestBuild, refresh, refresh, TimeUnit.MILLISECONDS);
        requestBuild();
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        // The snapshot's thread first, since it waits for the renderers; then the renderers.
        stopped(running);
        ExecutorService rendering = renderers;
        renderers = null;
        stopped(rendering);
    }

    /** Daemon threads named by their number, from 1. */
    private static ThreadFactory daemons(IntFunction<String> name) {
        AtomicInteger made = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name.apply(made.incrementAndGet()));
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void stopped(ExecutorService pool) {
        if (pool == null) {
            return;
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
