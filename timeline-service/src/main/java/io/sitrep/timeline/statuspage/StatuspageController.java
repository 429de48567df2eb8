package io.sitrep.timeline.statuspage;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sitrep.timeline.readmodel.ComponentView;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.MaintenanceQuery;
import io.sitrep.timeline.readmodel.MaintenanceView;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.page.PageSettings;
import io.sitrep.timeline.web.TimelineSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/**
 * Atlassian Statuspage's public status API, same paths and shapes, so that widgets and dashboards
 * built for Statuspage read Sitrep unchanged: the page, components, incidents and scheduled maintenances.
 */
@RestController
@RequestMapping("/api/v2")
@Tag(name = "Statuspage-compatible", description = "The paths and JSON shapes of Atlassian Statuspage's public status API")
class StatuspageController {

    private final ReadModels readModels;
    private final StatuspageViews views;
    private final PageSettings settings;
    private final TimelineSettings timeline;

    StatuspageController(ReadModels readModels, StatuspageViews views, PageSettings settings, TimelineSettings timeline) {
        this.readModels = readModels;
        this.views = views;
        this.settings = settings;
        this.timeline = timeline;
    }

    /** As many windows as Statuspage lists in {@code /scheduled-maintenances.json}: the 50 most recent. */
    static final int RECENT_MAINTENANCES = 50;
    /** At most this many upcoming, and this many active, windows are listed. */
    static final int LISTED_MAINTENANCES = 100;

    record Summary(SpPage page, List<SpComponent> components, List<SpIncident> incidents,
                   @JsonProperty("scheduled_maintenances") List<SpScheduledMaintenance> scheduledMaintenances, SpStatus status) {
    }

    record MaintenancesDocument(SpPage page, @JsonProperty("scheduled_maintenances") List<SpScheduledMaintenance> scheduledMaintenances) {
    }

    record StatusDocument(SpPage page, SpStatus status) {
    }

    record ComponentsDocument(SpPage page, List<SpComponent> components) {
    }

    record IncidentsDocument(SpPage page, List<SpIncident> incidents) {
    }

    @Operation(operationId = "statuspageSummary",
            summary = "Page, components, unresolved incidents, scheduled maintenances in progress or upcoming, and status")
    @GetMapping("/summary.json")
    Summary summary() {
        List<ComponentView> components = readModels.components();
        List<IncidentView> open = readModels.openIncidents();
        List<MaintenanceView> windows = new ArrayList<>(windows(MaintenanceQuery.Status.ACTIVE, LISTED_MAINTENANCES));
        windows.addAll(windows(MaintenanceQuery.Status.UPCOMING, LISTED_MAINTENANCES));
        return new Summary(views.page(components, open, windows), views.components(components), incidents(open, components),
                maintenances(windows, components), views.status(components, open));
    }

    @Operation(operationId = "statuspageScheduledMaintenances",
            summary = "Page and the 50 most recent scheduled maintenances (by scheduled_for): scheduled, in progress, verifying or completed")
    @GetMapping("/scheduled-maintenances.json")
    MaintenancesDocument scheduledMaintenances() {
        return maintenancesDocument(windows(MaintenanceQuery.Status.ALL, RECENT_MAINTENANCES));
    }

    @Operation(operationId = "statuspageUpcomingScheduledMaintenances",
            summary = "Page and the scheduled maintenances still scheduled, soonest first")
    @GetMapping("/scheduled-maintenances/upcoming.json")
    MaintenancesDocument upcomingScheduledMaintenances() {
        return maintenancesDocument(windows(MaintenanceQuery.Status.UPCOMING, LISTED_MAINTENANCES));
    }

    @Operation(operationId = "statuspageActiveScheduledMaintenances",
            summary = "Page and the scheduled maintenances in progress or verifying")
    @GetMapping("/scheduled-maintenances/active.json")
    MaintenancesDocument activeScheduledMaintenances() {
        return maintenancesDocument(windows(MaintenanceQuery.Status.ACTIVE, LISTED_MAINTENANCES));
    }

    @Operation(operationId = "statuspageStatus", summary = "Page and the overall status indicator")
    @GetMapping("/status.json")
    StatusDocument status() {
        List<ComponentView> components = readModels.components();
        List<IncidentView> open = readModels.openIncidents();
        return new StatusDocument(views.page(components, open), views.status(components, open));
    }

    @Operation(operationId = "statuspageComponents", summary = "Page and every component, groups included")
    @GetMapping("/components.json")
    ComponentsDocument components() {
        List<ComponentView> components = readModels.components();
        return new ComponentsDocument(views.page(components, List.of()), views.components(components));
    }

    @Operation(operationId = "statuspageIncidents", summary = "Page and the most recent incidents, open or resolved")
    @GetMapping("/incidents.json")
    IncidentsDocument incidents() {
        List<ComponentView> components = readModels.components();
        List<IncidentView> recent = readModels.recentIncidents(settings.incidentsLimit());
        return new IncidentsDocument(views.page(components, recent), incidents(recent, components));
    }

    @Operation(operationId = "statuspageUnresolvedIncidents", summary = "Page and the incidents not yet resolved")
    @GetMapping("/incidents/unresolved.json")
    IncidentsDocument unresolved() {
        List<ComponentView> components = readModels.components();
        List<IncidentView> open = readModels.openIncidents();
        return new IncidentsDocument(views.page(components, open), incidents(open, components));
    }

    private MaintenancesDocument maintenancesDocument(List<MaintenanceView> windows) {
        List<ComponentView> components = readModels.components();
        return new MaintenancesDocument(views.page(components, List.of(), windows), maintenances(windows, components));
    }

    private List<MaintenanceView> windows(MaintenanceQuery.Status status, int limit) {
        return readModels.maintenances(new MaintenanceQuery(status, limit, null)).items();
    }

    private List<SpScheduledMaintenance> maintenances(List<MaintenanceView> windows, List<ComponentView> components) {
        return views.maintenances(windows, readModels.maintenanceUpdates(windows.stream().map(MaintenanceView::id).toList(),
                timeline.timelineLimit()), components);
    }

    private List<SpIncident> incidents(List<IncidentView> incidents, List<ComponentView> components) {
        return views.incidents(incidents, readModels.timelines(incidents.stream().map(IncidentView::id).toList(), timeline.timelineLimit()), components);
    }
}
