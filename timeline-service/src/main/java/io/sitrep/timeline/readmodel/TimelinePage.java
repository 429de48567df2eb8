package io.sitrep.timeline.readmodel;

import java.util.List;

/** A page of an incident's timeline, newest entry first, and the cursor of the next (older) page; null when this is the last. */
public record TimelinePage(List<TimelineEntry> items, TimelineCursor next) {

    public TimelinePage {
        items = List.copyOf(items);
    }
}
