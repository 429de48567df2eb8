package io.sitrep.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Checks shared by every event record. */
final class Events {

    private Events() {
    }

    static void requireCommon(UUID eventId, Object aggregateId, long version, Instant occurredAt, Instant publishedAt) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, was " + version);
        }
    }
}
