package io.sitrep.timeline.export;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sitrep.timeline.snapshot.PublicDocument;
import io.sitrep.timeline.snapshot.PublicSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Exports the newest snapshot to one target, on a thread of its own: the consumer and the snapshot's builds never wait
 * for it. Only what changed since the last export is written (by entity tag); incident pages that left the snapshot are
 * removed; answers that vary by query (a component's feed) are left out; the page itself is written last, so that its links find what they point to. A failed export is tried again
 * after a backoff that doubles with each failure in a row, always with the newest snapshot; meanwhile the target keeps
 * what it had, and health and metrics say that it fails.
 */
final class SnapshotExport {

    private static final Logger log = LoggerFactory.getLogger(SnapshotExport.class);

    private final ExportTarget target;
    private final ExportSettings settings;
    private final String cacheControl;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Timer succeeded;
    private final Timer failed;
    private final Counter written;

    private volatile PublicSnapshot latest;
    /** What the target holds, by path: the entity tag written, or null when found there but not written by this process. */
    private Map<String, String> exported;
    private volatile long exportedVersion;
    private volatile Instant lastSuccessAt;
    private volatile int consecutiveFailures;
    private volatile String lastFailure;
    private volatile Instant lastFailureAt;

    SnapshotExport(ExportTarget target, ExportSettings settings, String cacheControl, Clock clock, MeterRegistry registry) {
        this.target = target;
        this.settings = settings;
        this.cacheControl = cacheControl;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "timeline-export-" + target.name());
            thread.setDaemon(true);
            return thread;
        });
        this.succeeded = Timer.builder("sitrep.timeline.export").tag("target", target.name()).tag("outcome", "success")
                .description("Time to write a snapshot's changed answers to the static export").register(registry);
        this.failed = Timer.builder("sitrep.timeline.export").tag("target", target.name()).tag("outcome", "failure")
                .description("Time to write a snapshot's changed answers to the static export").register(registry);
        this.written = Counter.builder("sitrep.timeline.export.files").tag("target", target.name())
                .description("Files or objects written to the static export").register(registry);
        Gauge.builder("sitrep.timeline.export.consecutive.failures", this, export -> export.consecutiveFailures).tag("target", target.name())
                .description("Exports failed in a row; the target keeps its last export meanwhile").register(registry);
        Gauge.builder("sitrep.timeline.export.behind", this, SnapshotExport::behind).tag("target", target.name())
                .description("Snapshots served that the target does not hold yet").register(registry);
    }

    String name() {
        return target.name();
    }

    /** Takes note of a new snapshot; exports it now unless an export is already due (a retry after a failure waits its backoff). */
    void offer(PublicSnapshot snapshot) {
        latest = snapshot;
        schedule(0);
    }

    private void schedule(long delayMillis) {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.schedule(this::run, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
            }
        }
    }

    private void run() {
        scheduled.set(false);
        PublicSnapshot snapshot = latest;
        if (snapshot == null || snapshot.version() == exportedVersion) {
            return;
        }
        long started = System.nanoTime();
        try {
            int files = export(snapshot);
            succeeded.record(Duration.ofNanos(System.nanoTime() - started));
            if (consecutiveFailures > 0) {
                log.info("Export to the {} landed after {} failures", target.name(), consecutiveFailures);
            }
            consecutiveFailures = 0;
            exportedVersion = snapshot.version();
            lastSuccessAt = clock.instant();
            log.debug("Exported snapshot {} to the {}: {} written", snapshot.version(), target.name(), files);
            if (latest.version() != snapshot.version()) {
                schedule(0);
            }
        } catch (Exception e) {
            failed.record(Duration.ofNanos(System.nanoTime() - started));
            consecutiveFailures++;
            // The kind of failure only: messages of storage clients may carry addresses and keys.
            lastFailure = e.getClass().getSimpleName();
            lastFailureAt = clock.instant();
            long backoff = Math.min(settings.retryMaxBackoff().toMillis(),
                    settings.retryMinBackoff().toMillis() << Math.min(consecutiveFailures - 1, 20));
            log.warn("Export of snapshot {} to the {} failed ({} in a row, {}); trying again in {} ms", snapshot.version(), target.name(),
                    consecutiveFailures, lastFailure, backoff);
            schedule(backoff);
        }
    }

    private int export(PublicSnapshot snapshot) throws Exception {
        if (exported == null) {
            Map<String, String> found = new HashMap<>();
            target.existingIncidentPages().forEach(path -> found.put(path, null));
            exported = found;
        }
        List<PublicDocument> changed = new ArrayList<>();
        PublicDocument page = null;
        for (PublicDocument document : snapshot.all()) {
            if (document.path().contains("?")) {
                // A variant by query (a component's feed): a static file cannot answer a query string.
                continue;
            }
            if (!document.etag().equals(exported.get(document.path()))) {
                if (document.path().equals("/")) {
                    page = document;
                } else {
                    changed.add(document);
                }
            }
        }
        if (page != null) {
            changed.add(page);
        }
        for (PublicDocument document : changed) {
            target.write(document, cacheControl);
            exported.put(document.path(), document.etag());
            written.increment();
        }
        for (String path : List.copyOf(exported.keySet())) {
            if (snapshot.document(path).isEmpty()) {
                target.delete(path);
                exported.remove(path);
            }
        }
        return changed.size();
    }

    private double behind() {
        PublicSnapshot snapshot = latest;
        return snapshot == null ? 0 : snapshot.version() - exportedVersion;
    }

    /** What health shows of this export. */
    Map<String, Object> describe() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", consecutiveFailures > 0 ? "failing" : behind() > 0 ? "pending" : "current");
        details.put("exportedVersion", exportedVersion);
        if (lastSuccessAt != null) {
            details.put("lastSuccessAt", lastSuccessAt.toString());
        }
        details.put("consecutiveFailures", consecutiveFailures);
        if (lastFailure != null) {
            details.put("lastFailure", lastFailure);
            details.put("lastFailureAt", lastFailureAt.toString());
        }
        return details;
    }

    void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (target instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("Closing the {} export: {}", target.name(), e.toString());
            }
        }
    }
}
