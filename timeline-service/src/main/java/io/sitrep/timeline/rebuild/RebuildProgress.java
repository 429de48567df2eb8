package io.sitrep.timeline.rebuild;

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
        Long generation,
        long currentGeneration,
        Instant startedAt,
        Instant finishedAt,
        long eventsApplied,
        double eventsPerSecond,
        Long lag,
        long undecodable,
        String lastError) {
}
