package io.sitrep.support.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests refused because the database is unavailable: each is counted in
 * {@value #METER}, and one WARN line per interval says how many there were since the last one,
 * without a stack trace, so that an outage under load does not flood the log.
 */
public final class DatabaseRefusals {

    /** The counter of requests answered 503 because the database was unavailable. */
    public static final String METER = "sitrep.database.unavailable";

    private static final Logger log = LoggerFactory.getLogger(DatabaseRefusals.class);

    private final Counter counter;
    private final Duration logInterval;
    private final Clock clock;
    private final AtomicLong sinceLastLine = new AtomicLong();
    private Instant lastLine = Instant.MIN;

    public DatabaseRefusals(MeterRegistry registry, Duration logInterval, Clock clock) {
        this.counter = Counter.builder(METER)
                .description("Requests answered 503 because the database was unavailable")
                .register(registry);
        this.logInterval = logInterval;
        this.clock = clock;
    }

    /** Counts one refusal and logs it if no line was logged within the interval; returns whether it logged. */
    public boolean refused(Throwable cause) {
        counter.increment();
        long count = sinceLastLine.incrementAndGet();
        Instant now = clock.instant();
        synchronized (this) {
            if (lastLine != Instant.MIN && now.isBefore(lastLine.plus(logInterval))) {
                return false;
            }
            lastLine = now;
            count = sinceLastLine.getAndSet(0);
        }
        log.warn("Requests refused with 503, the database is unavailable: {} since the last report ({}: {})", count,
                cause.getClass().getSimpleName(), LogSafe.text(rootMessage(cause)));
        return true;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
