package io.sitrep.timeline.statuspage;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sitrep.timeline.readmodel.ComponentView;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.page.PageSettings;
import io.sitrep.timeline.web.TimelineSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Atlassian Statuspage's public status API, same paths and shapes, so that widgets and dashboards
 * built for Statuspage read Sitrep unchanged. There are no scheduled maintenances.
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

    record Summary(SpPage page, List<SpComponent> components, List<SpIncident> incidents,
                   @JsonProperty("scheduled_maintenances") List<Object> scheduledMaintenances, SpStatus status) {
    }

    record StatusDocument(SpPage page, SpStatus status) {
    }

    record ComponentsDocument(SpPage page, List<SpComponent> components) {
    }

    record IncidentsDocument(SpPage page, List<SpIncident> incidents) {
    }

    @Operation(operationId = "statuspageSummary", summary = "Page, components, unresolved incidents, scheduled maintenances (none) and status")
    @GetMapping("/summary.json")
    Summary summary() {
        List<ComponentView> components = readModels.components();
        List<IncidentView> open = readModels.openIncidents();
        return new Summary(views.page(components, open), views.components(components), incidents(open, components), List.of(),
                views.status(components, open));
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

    private List<SpIncident> incidents(List<IncidentView> incidents, List<ComponentView> components) {
        return views.incidents(incidents, readModels.timelines(incidents.stream().map(IncidentView::id).toList(), timeline.timelineLimit()), components);
    }
}
