package io.sitrep.timeline.export;

import io.sitrep.timeline.snapshot.SnapshotPublished;
import org.springframework.context.event.EventListener;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured exports: each new snapshot is handed to every one of them, which returns at once. */
public class StaticExports {

    private final List<SnapshotExport> exports;

    StaticExports(List<SnapshotExport> exports) {
        this.exports = List.copyOf(exports);
    }

    @EventListener
    void published(SnapshotPublished published) {
        exports.forEach(export -> export.offer(published.snapshot()));
    }

    boolean any() {
        return !exports.isEmpty();
    }

    Map<String, Object> describe() {
        Map<String, Object> details = new LinkedHashMap<>();
        exports.forEach(export -> details.put(export.name(), export.describe()));
        return details;
    }

    void stop() {
        exports.forEach(SnapshotExport::stop);
    }
}
