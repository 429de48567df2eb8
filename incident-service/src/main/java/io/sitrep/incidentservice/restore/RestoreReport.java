package io.sitrep.incidentservice.restore;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What a restore found, and for an applied one what it did.
 *
 * @param applied       false for a dry run, which changes nothing
 * @param records       the records read from the log
 * @param undecodable   records that did not decode; they restore nothing
 * @param tables        per table: rows the log has, rows the table lacks, rows behind the log, rows restored
 * @param incidents     per incident in the log: its newest version there, the table's, and what that means
 * @param pendingEvents the outbox's events not yet acknowledged by the broker: kept, published by the relay as
 *                      usual, and counted into the restored state, never overwritten
 * @param notRestored   what the log cannot give back, and why
 */
public record RestoreReport(
        boolean applied,
        Instant startedAt,
        Instant finishedAt,
        long records,
        long undecodable,
        List<TableReport> tables,
        List<IncidentVersion> incidents,
        int pendingEvents,
        List<String> notRestored) {

    /**
     * One table.
     *
     * @param inLog    the rows the log (with the outbox) describes
     * @param missing  of those, the rows the table lacks
     * @param differ   rows the table holds at an older version than the log's (aggregate tables only)
     * @param restored rows written by this restore; 0 for a dry run
     */
    public record TableReport(String table, long inLog, long missing, long differ, long restored) {
    }

    /** The states of an incident against the log. */
    public enum State {
        /** The table holds its newest version. */
        CURRENT,
        /** The table lacks it. */
        MISSING,
        /** The table holds an older version. */
        BEHIND,
        /** The table holds a newer version than the log: left as it is. */
        AHEAD,
        /** The table lacks versions the log no longer has (retention): left as it is. */
        INCOMPLETE;

        /** The state as the report spells it: {@code current}, {@code missing}, … */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One incident.
     *
     * @param logVersion   the newest version in the log and the outbox
     * @param tableVersion the version the table held before the restore; null when it had none
     * @param state        the table against the log: current, missing, behind (restored by an apply), ahead or
     *                     incomplete (left as they are)
     */
    public record IncidentVersion(UUID id, long logVersion, @Nullable Long tableVersion,
                                  @Schema(allowableValues = {"current", "missing", "behind", "ahead", "incomplete"}) String state) {
    }
}
