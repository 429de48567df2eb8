package io.sitrep.timeline.snapshot;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The public snapshot: the version in service, its age, and how the last builds went. A failing build leaves the
 * last good snapshot in service, so the status stays up and the details say what fails.
 */
class SnapshotHealthIndicator extends AbstractHealthIndicator {

    private final PublicSnapshots snapshots;

    SnapshotHealthIndicator(PublicSnapshots snapshots) {
        super("Snapshot health check failed");
        this.snapshots = snapshots;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetails(snapshots.describe());
        builder.withDetail("state", !snapshots.serving() ? "building" : snapshots.consecutiveFailures() > 0 ? "failing" : "current");
    }
}
