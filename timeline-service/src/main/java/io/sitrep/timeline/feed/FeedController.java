package io.sitrep.timeline.feed;

import io.sitrep.timeline.page.PageSettings;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.MaintenanceQuery;
import io.sitrep.timeline.readmodel.MaintenanceView;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.snapshot.PublicSurface;
import io.sitrep.timeline.snapshot.SnapshotAnswers;
import io.sitrep.timeline.snapshot.SnapshotContent;
import io.sitrep.timeline.web.TimelineSettings;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /feed.atom}: the most recent incidents and their updates as an Atom 1.0 feed, then the most recent
 * maintenance windows (by planned start) and theirs. Rendered into the public snapshot and answered from it.
 */
@RestController
class FeedController implements PublicSurface {

    private final ReadModels readModels;
    private final PageSettings page;
    private final TimelineSettings timeline;
    private final SnapshotAnswers answers;

    FeedController(ReadModels readModels, PageSettings page, TimelineSettings timeline, SnapshotAnswers answers) {
        this.readModels = readModels;
        this.page = page;
        this.timeline = timeline;
        this.answers = answers;
    }

    @GetMapping("/feed.atom")
    ResponseEntity<byte[]> feed(HttpServletRequest request) {
        return answers.answer("/feed.atom", request).orElseThrow(() -> new IllegalStateException("the snapshot has no feed"));
    }

    /** Runs within the snapshot's read. */
    @Override
    public void render(SnapshotContent content) {
        List<IncidentView> incidents = readModels.recentIncidents(page.incidentsLimit());
        List<UUID> ids = incidents.stream().map(IncidentView::id).toList();
        List<MaintenanceView> maintenances = readModels.maintenances(
                new MaintenanceQuery(MaintenanceQuery.Status.ALL, page.incidentsLimit(), null)).items();
        String xml = AtomFeed.write(page, incidents, readModels.timelines(ids, timeline.timelineLimit()), readModels.postmortems(ids),
                maintenances, readModels.maintenanceUpdates(maintenances.stream().map(MaintenanceView::id).toList(), timeline.timelineLimit()),
                content.now());
        content.atom("/feed.atom", xml);
    }
}
