package io.sitrep.timeline.snapshot;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The public snapshot: how often it is read again, and what caches (browsers, proxies, CDNs) are told about its answers.
 *
 * @param minInterval          builds start at least this far apart, so that a burst of batches costs one read, not one per batch
 * @param refreshInterval      the snapshot is read again at least this often without any change, so that what depends on time
 *                             (uptime up to now, the history window, "as of") stays current; and this long after a failed build
 * @param maxAge               {@code Cache-Control: max-age}: how long a cache may answer without asking again
 * @param staleWhileRevalidate {@code stale-while-revalidate}: how long after that a cache may answer from its copy while it asks
 * @param staleIfError         {@code stale-if-error}: how long a cache may keep answering from its copy while Sitrep answers errors
 *                             or not at all, so that the page outlives an outage of the system it reports on
 */
@Validated
@ConfigurationProperties("sitrep.timeline.snapshot")
public record SnapshotSettings(
        @DefaultValue("50ms") @NotNull Duration minInterval,
        @DefaultValue("30s") @NotNull Duration refreshInterval,
        @DefaultValue("5s") @NotNull Duration maxAge,
        @DefaultValue("30s") @NotNull Duration staleWhileRevalidate,
        @DefaultValue("1d") @NotNull Duration staleIfError) {

    public SnapshotSettings {
        if (refreshInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("sitrep.timeline.snapshot.refresh-interval must be at least 1s");
        }
        if (minInterval.isNegative() || maxAge.isNegative() || staleWhileRevalidate.isNegative() || staleIfError.isNegative()) {
            throw new IllegalArgumentException("sitrep.timeline.snapshot durations must not be negative");
        }
    }

    /** The {@code Cache-Control} of every public answer from the snapshot, live and exported alike. */
    public String cacheControl() {
        return "public, max-age=" + maxAge.toSeconds() + ", stale-while-revalidate=" + staleWhileRevalidate.toSeconds()
                + ", stale-if-error=" + staleIfError.toSeconds();
    }
}
