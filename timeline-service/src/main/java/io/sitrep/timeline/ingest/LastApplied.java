package io.sitrep.timeline.ingest;

import io.sitrep.events.SitrepEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** The last event this instance applied, for health. */
@Component
class LastApplied {

    LastApplied() {
    }

    private final AtomicReference<Map<String, Object>> last = new AtomicReference<>();

    void set(SitrepEvent event, Instant appliedAt) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("eventId", event.eventId().toString());
        details.put("type", event.type().wireName());
        details.put("aggregateId", event.aggregateId());
        details.put("version", event.version());
        details.put("publishedAt", event.publishedAt().toString());
        details.put("appliedAt", appliedAt.toString());
        last.set(Map.copyOf(details));
    }

    /** Null until this instance applied an event. */
    Map<String, Object> get() {
        return last.get();
    }
}
