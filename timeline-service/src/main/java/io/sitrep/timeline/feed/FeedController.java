package io.sitrep.timeline.feed;

import io.sitrep.timeline.page.PageSettings;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.MaintenanceQuery;
import io.sitrep.timeline.readmodel.MaintenanceView;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.web.TimelineSettings;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /feed.atom}: the most recent incidents and their updates as an Atom 1.0 feed, then the most recent
 * maintenance windows (by planned start) and theirs.
 */
@RestController
class FeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final ReadModels readModels;
    private final PageSettings page;
    private final Clock clock;
    private final TimelineSettings timeline;

    FeedController(ReadModels readModels, PageSettings page, Clock clock, TimelineSettings timeline) {
        this.readModels = readModels;
        this.page = page;
        this.clock = clock;
        this.timeline = timeline;
    }

    @GetMapping("/feed.atom")
    ResponseEntity<String> feed() {
        List<IncidentView> incidents = readModels.recentIncidents(page.incidentsLimit());
        List<UUID> ids = incidents.stream().map(IncidentView::id).toList();
        List<MaintenanceView> maintenances = readModels.maintenances(
                new MaintenanceQuery(MaintenanceQuery.Status.ALL, page.incidentsLimit(), null)).items();
        String xml = AtomFeed.write(page, incidents, readModels.timelines(ids, timeline.timelineLimit()), readModels.postmortems(ids),
                maintenances, readModels.maintenanceUpdates(maintenances.stream().map(MaintenanceView::id).toList(), timeline.timelineLimit()),
                clock.instant());
        return ResponseEntity.ok().contentType(ATOM).body(xml);
    }
}
