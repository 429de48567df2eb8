package io.sitrep.incidentservice.restore;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How incident-service restores its state from {@code sitrep.incident-events} and checks for lost rows.
 *
 * @param mode                 {@code none}, or {@code dry-run} or {@code apply} to run a restore at start-up, print its
 *                             report and exit (the command-line mode)
 * @param pollTimeout          how long one poll of the log waits for records
 * @param maxDuration          the longest a restore may spend reading the log before it gives up, changing nothing
 * @param retryAfter           the {@code Retry-After} of a write refused while a restore runs
 * @param checkEnabled         whether the lost-rows check runs at all; its health and gauge stay unknown and 0 when not
 * @param checkInterval        how often the lost-rows check compares the log's recent past with the tables
 * @param checkRecords         how many of the newest records of each partition the lost-rows check reads
 */
@Validated
@ConfigurationProperties("sitrep.restore")
public record RestoreSettings(
        @DefaultValue("none") @NotNull Mode mode,
        @DefaultValue("1s") @NotNull Duration pollTimeout,
        @DefaultValue("10m") @NotNull Duration maxDuration,
        @DefaultValue("5s") @NotNull Duration retryAfter,
        @DefaultValue("true") boolean checkEnabled,
        @DefaultValue("1m") @NotNull Duration checkInterval,
        @DefaultValue("1000") @Min(1) @Max(100_000) int checkRecords) {

    /** What a start of the service does about restoring. */
    public enum Mode {
        /** Serve as usual. */
        NONE,
        /** Report what a restore would do, print it and exit. */
        DRY_RUN,
        /** Restore, print the report and exit. */
        APPLY
    }
}
