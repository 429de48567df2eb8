package io.sitrep.timeline.feed;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.timeline.page.PageSettings;
import io.sitrep.timeline.readmodel.ComponentView;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.MaintenanceQuery;
import io.sitrep.timeline.readmodel.MaintenanceUpdateEntry;
import io.sitrep.timeline.readmodel.MaintenanceView;
import io.sitrep.timeline.readmodel.PostmortemView;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.readmodel.TimelineEntry;
import io.sitrep.timeline.readmodel.UnknownComponent;
import io.sitrep.timeline.snapshot.KeptFragments;
import io.sitrep.timeline.snapshot.PublicSurface;
import io.sitrep.timeline.snapshot.SnapshotAnswers;
import io.sitrep.timeline.snapshot.SnapshotContent;
import io.sitrep.timeline.snapshot.SnapshotReads;
import io.sitrep.timeline.web.InvalidParameter;
import io.sitrep.timeline.web.TimelineSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code GET /feed.atom}: the most recent incidents and maintenance windows (by planned start) with their updates as
 * an Atom 1.0 feed, newest first; {@code ?component=<id>} narrows it to those that affect one component.
 * {@code GET /history.rss}: the same incidents as RSS 2.0. All are rendered into the public snapshot and answered
 * from it, with its entity tags, 304s and cache headers.
 */
@RestController
@Tag(name = "Feeds", description = "Atom 1.0 and RSS 2.0 feeds of incidents and maintenance windows, for feed readers")
class FeedController implements PublicSurface {

    static final String FEED = "/feed.atom";
    static final String HISTORY = "/history.rss";

    /** The form of a component id, as incident-service accepts it. */
    private static final Pattern COMPONENT_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

    private final ReadModels readModels;
    private final PageSettings page;
    private final TimelineSettings timeline;
    private final SnapshotAnswers answers;
    /**
     * Each incident's Atom entry and RSS item by what it is written from (the page's, the history's and the components' feeds
     * share them), and each update's HTML within them.
     */
    private final AtomFeed.Kept kept;

    FeedController(ReadModels readModels, PageSettings page, TimelineSettings timeline, SnapshotAnswers answers, MeterRegistry registry) {
        this.readModels = readModels;
        this.page = page;
        this.timeline = timeline;
        this.answers = answers;
        this.kept = new AtomFeed.Kept(KeptFragments.counted(registry, "feed.atom.entry"), KeptFragments.counted(registry, "feed.rss.item"),
                KeptFragments.counted(registry, "feed.update"));
    }

    @Operation(operationId = "getAtomFeed", summary = "Incidents and maintenance windows with their updates as Atom 1.0, newest first",
            responses = @ApiResponse(responseCode = "200", description = "The feed",
                    content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = "string"))))
    @GetMapping(FEED)
    ResponseEntity<byte[]> feed(@Parameter(description = "a component's id: only the incidents and maintenance windows that affect it")
                                @RequestParam(required = false) String component, HttpServletRequest request) {
        if (component == null) {
            return answers.answer(FEED, request).orElseThrow(() -> new IllegalStateException("the snapshot has no feed"));
        }
        if (!COMPONENT_ID.matcher(component).matches()) {
            throw new InvalidParameter("component", "must be a component id: lower-case letters, digits, '.', '_' or '-', at most 64");
        }
        return answers.answer(componentFeed(component), request).orElseThrow(() -> new UnknownComponent(component));
    }

    @Operation(operationId = "getRssHistory", summary = "Incidents with their updates as RSS 2.0, newest first, as Statuspage's history.rss",
            responses = @ApiResponse(responseCode = "200", description = "The history",
                    content = @Content(mediaType = "application/rss+xml", schema = @Schema(type = "string"))))
    @GetMapping(HISTORY)
    ResponseEntity<byte[]> history(HttpServletRequest request) {
        return answers.answer(HISTORY, request).orElseThrow(() -> new IllegalStateException("the snapshot has no history"));
    }

    /** The snapshot's path of a component's feed; static exports leave it out, since files cannot answer a query. */
    static String componentFeed(String componentId) {
        return FEED + "?component=" + componentId;
    }

    /**
     * Reads within the snapshot's read, through the build's shared reads, and renders after it. A component's feed is
     * filtered from what the page's feed read, so it costs no read of its own: it holds those of the most recent incidents
     * and maintenance windows that affect the component. An incident's entry is written once for all the feeds that hold
     * it, and kept while it is unchanged.
     */
    @Override
    public Rendering read(SnapshotContent content) {
        SnapshotReads reads = content.reads(readModels);
        List<IncidentView> incidents = reads.recentIncidents(page.incidentsLimit());
        List<UUID> ids = incidents.stream().map(IncidentView::id).toList();
        List<MaintenanceView> maintenances = reads.maintenances(new MaintenanceQuery(MaintenanceQuery.Status.ALL, page.incidentsLimit(), null));
        Map<UUID, List<TimelineEntry>> timelines = reads.timelines(ids, timeline.timelineLimit(), false);
        Map<UUID, PostmortemView> postmortems = reads.postmortems(ids);
        Map<UUID, List<MaintenanceUpdateEntry>> maintenanceUpdates =
                reads.maintenanceUpdates(maintenances.stream().map(MaintenanceView::id).toList(), timeline.timelineLimit());
        List<ComponentView> components = reads.components();
        return () -> render(content, incidents, maintenances, timelines, postmortems, maintenanceUpdates, components);
    }

    private void render(SnapshotContent content, List<IncidentView> incidents, List<MaintenanceView> maintenances,
                        Map<UUID, List<TimelineEntry>> timelines, Map<UUID, PostmortemView> postmortems,
                        Map<UUID, List<MaintenanceUpdateEntry>> maintenanceUpdates, List<ComponentView> components) {
        kept.nextBuild();
        // A feed without entries states the newest change of the page's state, not the build's time: that gave it new
        // bytes and a new tag on every build.
        Instant lastChange = components.stream().map(ComponentView::updatedAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        content.atom(FEED, AtomFeed.write(page, FEED, page.name() + " status", incidents, timelines, postmortems, maintenances,
                maintenanceUpdates, lastChange, kept));
        content.rss(HISTORY, RssHistory.write(page, incidents, timelines, postmortems, lastChange, kept));
        for (ComponentView component : components) {
            String id = component.id();
            List<IncidentView> affecting = incidents.stream()
                    .filter(incident -> incident.components().stream().anyMatch(affected -> affected.id().equals(id))).toList();
            List<MaintenanceView> planned = maintenances.stream()
                    .filter(maintenance -> maintenance.components().stream().anyMatch(affected -> affected.id().equals(id))).toList();
            content.atom(componentFeed(id), AtomFeed.write(page, componentFeed(id), page.name() + " status: " + component.name(),
                    affecting, timelines, postmortems, planned, maintenanceUpdates, component.updatedAt(), kept));
        }
    }
}
