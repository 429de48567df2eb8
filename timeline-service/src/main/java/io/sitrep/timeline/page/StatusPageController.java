package io.sitrep.timeline.page;

import io.sitrep.timeline.readmodel.ComponentView;
import io.sitrep.timeline.readmodel.IncidentDetail;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.MaintenanceQuery;
import io.sitrep.timeline.readmodel.MaintenanceView;
import io.sitrep.timeline.readmodel.OverallStatus;
import io.sitrep.timeline.readmodel.PostmortemView;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.readmodel.StatusChange;
import io.sitrep.timeline.readmodel.TimelineEntry;
import io.sitrep.timeline.readmodel.UnknownIncident;
import io.sitrep.timeline.readmodel.Uptime;
import io.sitrep.timeline.readmodel.UptimeReport;
import io.sitrep.timeline.snapshot.PublicSurface;
import io.sitrep.timeline.snapshot.SnapshotAnswers;
import io.sitrep.timeline.snapshot.SnapshotContent;
import io.sitrep.timeline.web.TimelineSettings;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The public status page at {@code /} (open incidents, maintenance in progress and upcoming, components, history),
 * and a page per incident at {@code /incidents/{id}}. Both are rendered into the public snapshot (the page, and the pages
 * of the incidents it, the feed or the API lists) and answered from it; an older incident's page is rendered on request.
 */
@RestController
@Hidden
class StatusPageController implements PublicSurface {

    static final int UPTIME_DAYS = 90;
    /** At most this many windows in progress, and this many upcoming, are shown. */
    static final int MAINTENANCES_SHOWN = 20;

    private final ReadModels readModels;
    private final PageSettings page;
    private final TimelineSettings timeline;
    private final SnapshotAnswers answers;

    StatusPageController(ReadModels readModels, PageSettings page, TimelineSettings timeline, SnapshotAnswers answers) {
        this.readModels = readModels;
        this.page = page;
        this.timeline = timeline;
        this.answers = answers;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> statusPage(HttpServletRequest request) {
        return answers.answer("/", request).orElseThrow(() -> new IllegalStateException("the snapshot has no status page"));
    }

    @GetMapping(path = "/incidents/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> incidentPage(@PathVariable UUID id, HttpServletRequest request) {
        String path = "/incidents/" + id;
        return answers.answer(path, request).orElseGet(() -> {
            IncidentDetail detail = readModels.incident(id, timeline.timelineLimit(), page.audience()).orElseThrow(() -> new UnknownIncident(id));
            // As of the snapshot in service, so that the bytes, and with them the entity tag, hold until the next snapshot.
            Instant asOf = answers.snapshot().readAt();
            String html = StatusPageView.renderIncident(page, detail.incident(), detail.timeline(), detail.postmortem(), emptyModel(asOf));
            return answers.answer(path, SnapshotContent.HTML, html.getBytes(StandardCharsets.UTF_8), request);
        });
    }

    /**
     * The page, and a page for each incident the snapshot's page, feed or API lists: the open ones, the recent history and
     * the most recent ones. Runs within the snapshot's read.
     */
    @Override
    public void render(SnapshotContent content) {
        StatusPageView.Model model = model(content.now());
        content.html("/", StatusPageView.render(page, model, page.name() + " status"));
        Set<IncidentView> shown = new LinkedHashSet<>(model.open());
        shown.addAll(model.history());
        List<IncidentView> recent = readModels.recentIncidents(page.incidentsLimit());
        shown.addAll(recent);
        Map<UUID, List<TimelineEntry>> timelines = new LinkedHashMap<>(model.timelines());
        Map<UUID, PostmortemView> postmortems = new LinkedHashMap<>(model.postmortems());
        List<UUID> missing = recent.stream().map(IncidentView::id).filter(id -> !timelines.containsKey(id)).toList();
        timelines.putAll(readModels.timelines(missing, timeline.timelineLimit(), page.showActor()));
        postmortems.putAll(readModels.postmortems(missing));
        StatusPageView.Model incidentModel = emptyModel(content.now());
        Set<UUID> rendered = new LinkedHashSet<>();
        for (IncidentView incident : shown) {
            if (rendered.add(incident.id())) {
                content.html("/incidents/" + incident.id(), StatusPageView.renderIncident(page, incident,
                        timelines.getOrDefault(incident.id(), List.of()), postmortems.get(incident.id()), incidentModel));
            }
        }
    }

    private static StatusPageView.Model emptyModel(Instant now) {
        return new StatusPageView.Model(null, List.of(), List.of(), Map.of(), Map.of(), List.of(), Map.of(), List.of(), Map.of(), now);
    }

    private StatusPageView.Model model(Instant now) {
        List<ComponentView> components = readModels.components();
        List<IncidentView> open = readModels.openIncidents();
        List<IncidentView> history = readModels.resolvedSince(now.minus(Duration.ofDays(page.historyDays())), page.incidentsLimit());
        List<UUID> ids = new ArrayList<>();
        open.forEach(incident -> ids.add(incident.id()));
        history.forEach(incident -> ids.add(incident.id()));
        Map<String, List<StatusChange>> changes = readModels.statusChangesSince(now.minus(Duration.ofDays(UPTIME_DAYS)));
        Map<String, UptimeReport> uptime = new LinkedHashMap<>();
        for (ComponentView component : components) {
            uptime.put(component.id(), Uptime.of(component, changes.getOrDefault(component.id(), List.of()), UPTIME_DAYS, now));
        }
        List<MaintenanceView> maintenances = new ArrayList<>(
                readModels.maintenances(new MaintenanceQuery(MaintenanceQuery.Status.ACTIVE, MAINTENANCES_SHOWN, null)).items());
        maintenances.addAll(readModels.maintenances(new MaintenanceQuery(MaintenanceQuery.Status.UPCOMING, MAINTENANCES_SHOWN, null)).items());
        return new StatusPageView.Model(OverallStatus.of(components, open), open, history, readModels.timelines(ids, timeline.timelineLimit(), page.showActor()),
                readModels.postmortems(ids), components, uptime, maintenances,
                readModels.maintenanceUpdates(maintenances.stream().map(MaintenanceView::id).toList(), timeline.timelineLimit()), now);
    }
}
