package io.sitrep.timeline.snapshot;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** How the snapshot is built: off the caller's thread, coalesced, and never replaced by a failed build. */
class PublicSnapshotsTest {

    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicInteger renders = new AtomicInteger();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Object> published = new CopyOnWriteArrayList<>();
    private final PublicSurface surface = content -> {
        threads.add(Thread.currentThread().getName());
        if (failing.get()) {
            throw new IllegalStateException("the database is away");
        }
        return () -> content.html("/", "<p>render " + renders.incrementAndGet() + "</p>");
    };
    private PublicSnapshots snapshots;

    @AfterEach
    void stop() {
        snapshots.stop();
    }

    @Test
    void aChangeOnlyAsksForABuildWhichRunsOnTheSnapshotsOwnThread() {
        snapshots = started(Duration.ZERO);
        await().until(() -> snapshots.isRunning() && renders.get() == 1);

        long request = snapshots.requestBuild();

        await().until(() -> snapshots.current().covers(request));
        assertThat(threads).containsOnly("timeline-snapshot");
        assertThat(published).hasSize(2);
    }

    @Test
    void aBurstOfChangesCostsAFewBuildsNotOneEach() {
        snapshots = started(Duration.ofMillis(300));
        await().until(() -> renders.get() == 1);

        long last = 0;
        for (int i = 0; i < 500; i++) {
            last = snapshots.requestBuild();
        }

        long request = last;
        await().until(() -> snapshots.current().covers(request));
        assertThat(renders.get()).isBetween(2, 3);
    }

    @Test
    void aFailingBuildLeavesTheLastGoodSnapshotInServiceShowsInHealthAndMetricsAndIsRetried() {
        snapshots = started(Duration.ZERO);
        await().until(() -> renders.get() == 1);
        PublicSnapshot good = snapshots.current();

        failing.set(true);
        snapshots.requestBuild();

        await().until(() -> snapshots.consecutiveFailures() >= 1);
        assertThat(snapshots.current()).isSameAs(good);
        assertThat(snapshots.describe()).containsEntry("lastFailure", "IllegalStateException");
        assertThat(registry.get("sitrep.timeline.snapshot.build").tag("outcome", "failure").timer().count()).isPositive();
        assertThat(registry.get("sitrep.timeline.snapshot.consecutive.failures").gauge().value()).isPositive();

        failing.set(false);

        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots.current().version() == good.version() + 1);
        assertThat(snapshots.consecutiveFailures()).isZero();
        assertThat(registry.get("sitrep.timeline.snapshot.age").gauge().value()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void unchangedBytesKeepTheirTagAndLastModified() {
        PublicSurface same = content -> () -> content.json("/same.json", List.of("unchanged"));
        snapshots = new PublicSnapshots(() -> List.of(same), new TransactionTemplate(new NoTransactions()), JsonMapper.builder().build(),
                Clock.systemUTC(), settings(Duration.ZERO), published::add, registry);
        PublicDocument first = snapshots.current().document("/same.json").orElseThrow();
        snapshots.start();

        long request = snapshots.requestBuild();

        await().until(() -> snapshots.current().covers(request) && snapshots.current().version() > 1);
        assertThat(snapshots.current().document("/same.json").orElseThrow()).isSameAs(first);
    }

    /**
     * issue 16 (read storm): compressing every document of every build took the snapshot's thread more than rendering
     * them, while readers asked for two of them gzipped.
     */
    @Test
    void onlyDocumentsAskedForGzippedAreCompressedAndTheirSuccessorsAreCompressedWhenBuilt() {
        PublicSnapshot first = changingSnapshots();
        // Asked for before the builds start: start() builds at once, and a build that ran first would not know of it.
        first.document("/").orElseThrow().gzip();
        PublicSnapshot next = nextSnapshot();
        assertThat(next.document("/").orElseThrow().compressed()).as("asked for before: compressed when built").isTrue();
        assertThat(next.document("/api/v2/incidents.json").orElseThrow().compressed()).as("never asked for").isFalse();
        assertThat(first.document("/api/v2/incidents.json").orElseThrow().compressed()).isFalse();
        PublicDocument incidents = next.document("/api/v2/incidents.json").orElseThrow();
        assertThat(incidents.gzip()).isNotEmpty();
        assertThat(incidents.compressed()).isTrue();
    }

    /**
     * issue 16: every document a build rendered anew was digested on the build thread for its entity tag, a tenth of a
     * build's time, though most are replaced before anyone asks for them.
     */
    @Test
    void onlyDocumentsAskedForTheirTagAreDigestedAndTheirSuccessorsAreDigestedWhenBuilt() {
        PublicSnapshot first = changingSnapshots();
        first.document("/").orElseThrow().etag();
        PublicSnapshot next = nextSnapshot();
        PublicDocument page = next.document("/").orElseThrow();
        PublicDocument incidents = next.document("/api/v2/incidents.json").orElseThrow();
        assertThat(page.tagged()).as("asked for before: digested when built").isTrue();
        assertThat(incidents.tagged()).as("never asked for").isFalse();
        assertThat(incidents.etag()).isEqualTo(PublicDocument.etagOf(incidents.body())).startsWith("\"").endsWith("\"");
        assertThat(incidents.tagged()).isTrue();
        assertThat(incidents.gzipEtag()).isEqualTo(incidents.etag().substring(0, incidents.etag().length() - 1) + "-gz\"");
        assertThat(page.etag()).isNotEqualTo(first.document("/").orElseThrow().etag());
    }

    /** Snapshots of a page and an API answer that change at every build, not started; returns the first. */
    private PublicSnapshot changingSnapshots() {
        AtomicInteger build = new AtomicInteger();
        PublicSurface changing = content -> {
            int n = build.incrementAndGet();
            return () -> {
                content.html("/", "<p>page " + n + "</p>");
                content.json("/api/v2/incidents.json", List.of("incidents " + n));
            };
        };
        snapshots = new PublicSnapshots(() -> List.of(changing), new TransactionTemplate(new NoTransactions()), JsonMapper.builder().build(),
                Clock.systemUTC(), settings(Duration.ZERO), published::add, registry);
        return snapshots.current();
    }

    /** Starts the snapshots and returns one built after a request made once they started. */
    private PublicSnapshot nextSnapshot() {
        snapshots.start();
        long request = snapshots.requestBuild();
        await().until(() -> snapshots.current().covers(request) && snapshots.current().version() > 1);
        return snapshots.current();
    }

    /**
     * issue 16 (read storm): freshness under load is one build in progress and the next, not a queue of builds: batches
     * applied while a build runs are all taken by the one build after it.
     */
    @Test
    void twoBatchesAppliedDuringABuildAreBothInTheOneBuildAfterIt() throws InterruptedException {
        AtomicInteger applied = new AtomicInteger();
        AtomicBoolean holdNext = new AtomicBoolean();
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        PublicSurface slow = content -> {
            int read = applied.get();
            renders.incrementAndGet();
            if (holdNext.getAndSet(false)) {
                reading.countDown();
                awaitQuietly(release);
            }
            return () -> content.html("/", "<p>applied " + read + "</p>");
        };
        snapshots = new PublicSnapshots(() -> List.of(slow), new TransactionTemplate(new NoTransactions()), JsonMapper.builder().build(),
                Clock.systemUTC(), settings(Duration.ZERO), published::add, registry);
        snapshots.start();
        await().until(() -> renders.get() == 1);
        holdNext.set(true);
        snapshots.requestBuild();
        assertThat(reading.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("a build is reading").isTrue();

        applied.incrementAndGet();
        long first = snapshots.requestBuild();
        applied.incrementAndGet();
        long second = snapshots.requestBuild();
        release.countDown();

        await().until(() -> snapshots.current().covers(second));
        PublicSnapshot next = snapshots.current();
        assertThat(next.covers(first)).isTrue();
        assertThat(new String(next.document("/").orElseThrow().body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("<p>applied 2</p>");
        assertThat(renders.get()).as("the first build, the one held, and one for both batches").isEqualTo(3);
    }

    private static boolean awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            return latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void eachBuildTimesEverySurfaceByItsName() {
        snapshots = started(Duration.ZERO);
        await().until(() -> renders.get() == 1);

        long request = snapshots.requestBuild();

        await().until(() -> snapshots.current().covers(request));
        // issue 16: the build's phases are measured before anything is made incremental.
        var phase = registry.find("sitrep.timeline.snapshot.build.phase").tag("phase", "PublicSnapshotsTest").timer();
        assertThat(phase).isNotNull();
        assertThat(phase.count()).isEqualTo(2);
    }

    /**
     * issue 16 (read storm): under a write storm a build's rendering took over ten seconds of a starved core, ran past the
     * read's time limit and was thrown away, three times in a row. Surfaces read within the transaction and render after it.
     */
    @Test
    void surfacesReadWithinTheTransactionAndRenderAfterItHasEnded() {
        List<String> steps = new CopyOnWriteArrayList<>();
        PublicSurface twoSteps = content -> {
            steps.add("read, in a transaction: " + TransactionSynchronizationManager.isActualTransactionActive());
            return () -> {
                steps.add("render, in a transaction: " + TransactionSynchronizationManager.isActualTransactionActive());
                content.html("/", "<p>rendered</p>");
            };
        };
        snapshots = new PublicSnapshots(() -> List.of(twoSteps), new TransactionTemplate(new NoTransactions()), JsonMapper.builder().build(),
                Clock.systemUTC(), settings(Duration.ZERO), published::add, registry);

        PublicSnapshot built = snapshots.current();

        assertThat(steps).containsExactly("read, in a transaction: true", "render, in a transaction: false");
        assertThat(built.document("/")).isPresent();
    }

    @Test
    void aRenderingThatAsksForTheReadsAfterTheTransactionFailsTheBuild() {
        snapshots = new PublicSnapshots(() -> List.of(content -> () -> content.reads(null)), new TransactionTemplate(new NoTransactions()),
                JsonMapper.builder().build(), Clock.systemUTC(), settings(Duration.ZERO), published::add, registry);

        assertThatThrownBy(snapshots::current).isInstanceOf(IllegalStateException.class).hasMessageContaining("read has ended");
        assertThat(snapshots.consecutiveFailures()).isEqualTo(1);
    }

    /**
     * issue 16 (read storm): a build's surfaces render at once, each on its own thread, so that a busy machine gives a build
     * three threads' share and an idle one its longest surface's time. Each rendering here waits for the others to begin.
     */
    @Test
    void onceStartedTheSurfacesRenderSideBySide() {
        java.util.concurrent.CountDownLatch begun = new java.util.concurrent.CountDownLatch(3);
        List<String> met = new CopyOnWriteArrayList<>();
        List<PublicSurface> three = new java.util.ArrayList<>();
        for (String path : List.of("/", "/feed.atom", "/api/v2/summary.json")) {
            three.add(content -> () -> {
                begun.countDown();
                if (awaitQuietly(begun)) {
                    met.add(Thread.currentThread().getName());
                }
                content.html(path, "<p>" + path + "</p>");
            });
        }
        snapshots = new PublicSnapshots(() -> three, new TransactionTemplate(new NoTransactions()), JsonMapper.builder().build(),
                Clock.systemUTC(), settings(Duration.ZERO), published::add, registry);

        snapshots.start();

        await().until(() -> snapshots.inService() != null);
        assertThat(met).as("every rendering saw the others begin").hasSize(3).doesNotHaveDuplicates()
                .contains("timeline-snapshot").anyMatch(name -> name.startsWith("timeline-snapshot-render-"));
        assertThat(snapshots.current().documents()).containsOnlyKeys("/", "/feed.atom", "/api/v2/summary.json");
    }

    @Test
    void aRenderingThatFailsBesideTheOthersFailsTheBuildOnceAllHaveEnded() {
        AtomicInteger ended = new AtomicInteger();
        PublicSurface fine = content -> () -> {
            ended.incrementAndGet();
            content.html("/", "<p>page</p>");
        };
        PublicSurface broken = content -> () -> {
            ended.incrementAndGet();
            throw new IllegalStateException("a template is broken");
        };
        snapshots = new PublicSnapshots(() -> List.of(fine, broken, fine), new TransactionTemplate(new NoTransactions()),
                JsonMapper.builder().build(), Clock.systemUTC(), settings(Duration.ZERO), published::add, registry);

        snapshots.start();

        await().until(() -> snapshots.consecutiveFailures() >= 1);
        assertThat(snapshots.inService()).isNull();
        assertThat(snapshots.describe()).containsEntry("lastFailure", "IllegalStateException");
        assertThat(ended.get()).isGreaterThanOrEqualTo(3);
    }

    private PublicSnapshots started(Duration minInterval) {
        PublicSnapshots started = new PublicSnapshots(() -> List.of(surface), new TransactionTemplate(new NoTransactions()),
                JsonMapper.builder().build(), Clock.systemUTC(), settings(minInterval), published::add, registry);
        started.start();
        return started;
    }

    private static SnapshotSettings settings(Duration minInterval) {
        return new SnapshotSettings(minInterval, Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofDays(1));
    }

    /** A transaction manager with nothing to manage: the surfaces here read no database. */
    private static final class NoTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
