package io.sitrep.timeline.readmodel;

import java.util.List;

/** One page of maintenance windows, and the cursor of the next page; null when this is the last. */
public record MaintenancePage(List<MaintenanceView> items, MaintenanceCursor next) {

    public MaintenancePage {
        items = List.copyOf(items);
    }
}
