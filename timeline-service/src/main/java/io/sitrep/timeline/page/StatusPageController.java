package io.sitrep.timeline.page;

import io.sitrep.timeline.readmodel.ComponentView;
import io.sitrep.timeline.readmodel.IncidentDetail;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.MaintenanceQuery;
import io.sitrep.timeline.readmodel.MaintenanceView;
import io.sitrep.timeline.readmodel.OverallStatus;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.readmodel.StatusChange;
import io.sitrep.timeline.readmodel.UnknownIncident;
import io.sitrep.timeline.readmodel.Uptime;
import io.sitrep.timeline.readmodel.UptimeReport;
import io.sitrep.timeline.web.TimelineSettings;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public status page at {@code /} (open incidents, maintenance in progress and upcoming, components, history),
 * and a page per incident at {@code /incidents/{id}}.
 */
@RestController
@Hidden
class StatusPageController {

    static final int UPTIME_DAYS = 90;
    /** At most this many windows in progress, and this many upcoming, are shown. */
    static final int MAINTENANCES_SHOWN = 20;
    static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    private final ReadModels readModels;
    private final PageSettings page;
    private final Clock clock;
    private final TimelineSettings timeline;

    StatusPageController(ReadModels readModels, PageSettings page, Clock clock, TimelineSettings timeline) {
        this.readModels = readModels;
        this.page = page;
        this.clock = clock;
        this.timeline = timeline;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> statusPage() {
        return html(StatusPageView.render(page, model(), page.name() + " status"));
    }

    @GetMapping(path = "/incidents/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> incidentPage(@PathVariable UUID id) {
        IncidentDetail detail = readModels.incident(id, timeline.timelineLimit()).orElseThrow(() -> new UnknownIncident(id));
        StatusPageView.Model model = new StatusPageView.Model(null, List.of(), List.of(), Map.of(), Map.of(), List.of(), Map.of(),
                List.of(), Map.of(), clock.instant());
        return html(StatusPageView.renderIncident(page, detail.incident(), detail.timeline(), detail.postmortem(), model));
    }

    private StatusPageView.Model model() {
        Instant now = clock.instant();
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
        return new StatusPageView.Model(OverallStatus.of(components, open), open, history, readModels.timelines(ids, timeline.timelineLimit()),
                readModels.postmortems(ids), components, uptime, maintenances,
                readModels.maintenanceUpdates(maintenances.stream().map(MaintenanceView::id).toList(), timeline.timelineLimit()), now);
    }

    private static ResponseEntity<String> html(String body) {
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).body(body);
    }
}
