package io.sitrep.timeline.readmodel;

import java.util.List;

/** One page of incidents, and the cursor of the next page; null when this is the last. */
public record IncidentPage(List<IncidentView> items, IncidentCursor next) {

    public IncidentPage {
        items = List.copyOf(items);
    }
}
