package io.sitrep.console.live;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The one daemon thread each part of live Now runs on: made at each start, stopped within a bound at each stop. */
final class LiveThread {

    private LiveThread() {
    }

    /** A new single daemon thread of that name, for one start of a lifecycle. */
    static ScheduledExecutorService start(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Interrupts the thread and waits at most {@code bound} for it to end; says so when it did not. Null: nothing started. */
    static void stop(ScheduledExecutorService thread, Duration bound, Logger log) {
        if (thread == null) {
            return;
        }
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("A live Now thread did not stop within {}", bound);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
