package io.sitrep.timeline.readmodel;

import java.time.Instant;
import java.util.UUID;

/**
 * A version gap: an event arrived with a version beyond the next one expected for its aggregate.
 *
 * @param aggregateType {@code incident} or {@code component}
 */
public record Gap(String aggregateType, String aggregateId, long expectedVersion, long receivedVersion, UUID eventId,
                  String eventType, Instant publishedAt) {
}
