package io.sitrep.timeline.rebuild;

import jakarta.annotation.Nullable;

import java.time.Instant;

/**
 * What a rebuild has done so far.
 *
 * @param state             {@code idle} (none ran since this instance started), {@code catching-up} (reading the log up to
 *                          where it ended when the rebuild started), {@code switching} (keeping up with the live consumer
 *                          until it can switch), {@code completed} or {@code failed}
 * @param generation        the generation being built, or built last
 * @param currentGeneration the generation reads go through now
 * @param eventsApplied     records applied to the new generation, duplicates included
 * @param eventsPerSecond   events applied per second since the rebuild started
 * @param lag               records between the rebuild's position and the end of the log, at the last look
 * @param undecodable       records skipped because they cannot be decoded (the live consumer dead-lettered them)
 * @param lastError         why the last rebuild failed; null when it did not
 */
record RebuildProgress(
        String state,
        @Nullable Long generation,
        long currentGeneration,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        long eventsApplied,
        double eventsPerSecond,
        @Nullable Long lag,
        long undecodable,
        @Nullable String lastError) {
}
