package io.sitrep.timeline.readmodel;

import io.sitrep.events.MaintenanceStatus;

import java.util.Set;

/**
 * Which maintenance windows to list. Upcoming and active windows come soonest first (by
 * {@code scheduledFor}); completed ones, and all of them together, latest first.
 *
 * @param after the cursor of the previous page; null for the first page
 */
public record MaintenanceQuery(Status status, int limit, MaintenanceCursor after) {

    /** Which windows by state. */
    public enum Status {
        /** {@code scheduled}. */
        UPCOMING(Set.of(MaintenanceStatus.SCHEDULED), true),
        /** {@code in_progress} or {@code verifying}. */
        ACTIVE(Set.of(MaintenanceStatus.IN_PROGRESS, MaintenanceStatus.VERIFYING), true),
        /** {@code completed} or {@code cancelled}. */
        COMPLETED(Set.of(MaintenanceStatus.COMPLETED, MaintenanceStatus.CANCELLED), false),
        ALL(Set.of(MaintenanceStatus.values()), false);

        private final Set<MaintenanceStatus> statuses;
        private final boolean soonestFirst;

        Status(Set<MaintenanceStatus> statuses, boolean soonestFirst) {
            this.statuses = statuses;
            this.soonestFirst = soonestFirst;
        }

        public Set<MaintenanceStatus> statuses() {
            return statuses;
        }

        /** True when the list runs from the soonest window on; false for the latest first. */
        public boolean soonestFirst() {
            return soonestFirst;
        }
    }
}
