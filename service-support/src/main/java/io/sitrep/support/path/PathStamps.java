package io.sitrep.support.path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Where an event or a delivery is on its way, and when: one line of the {@code sitrep.path} logger per step, at DEBUG,
 * {@code path <step> <key> <epoch microseconds> [<event id>]}. The bench turns the logger on for the idle path and joins
 * the lines of every service by key (an event id, or a delivery id with its event's) into a per-step breakdown. Off, as
 * it is by default, a stamp costs one level check: nothing is written and nothing is kept.
 */
public final class PathStamps {

    /** The logger the stamps are written to. */
    public static final String LOGGER = "sitrep.path";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private PathStamps() {
    }

    /** Whether stamps are written: check before work done only to stamp. */
    public static boolean enabled() {
        return log.isDebugEnabled();
    }

    /** An event (or a delivery) reached {@code step} now. */
    public static void stamp(String step, Object key) {
        if (log.isDebugEnabled()) {
            log.debug("path {} {} {}", step, key, micros(Instant.now()));
        }
    }

    /** An event (or a delivery) reached {@code step} at {@code at}. */
    public static void stamp(String step, Object key, Instant at) {
        if (log.isDebugEnabled()) {
            log.debug("path {} {} {}", step, key, micros(at));
        }
    }

    /** A delivery of an event reached {@code step} at {@code at}: the event id joins it to the event's own steps. */
    public static void stamp(String step, Object delivery, Object event, Instant at) {
        if (log.isDebugEnabled()) {
            log.debug("path {} {} {} {}", step, delivery, micros(at), event);
        }
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }
}
