package io.sitrep.timeline.readmodel;

import java.util.List;

/**
 * A maintenance window with the newest entries of its timeline, oldest of them first.
 *
 * @param earlierUpdates whether the timeline has entries before the first one given
 */
public record MaintenanceDetail(MaintenanceView maintenance, List<MaintenanceUpdateEntry> updates, boolean earlierUpdates) {

    public MaintenanceDetail {
        updates = List.copyOf(updates);
    }
}
