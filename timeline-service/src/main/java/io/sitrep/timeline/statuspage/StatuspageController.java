package io.sitrep.timeline.statuspage;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.timeline.readmodel.ComponentView;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.MaintenanceQuery;
import io.sitrep.timeline.readmodel.MaintenanceUpdateEntry;
import io.sitrep.timeline.readmodel.MaintenanceView;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.readmodel.TimelineEntry;
import io.sitrep.timeline.page.PageSettings;
import io.sitrep.timeline.snapshot.PublicSurface;
import io.sitrep.timeline.snapshot.SnapshotAnswers;
import io.sitrep.timeline.snapshot.SnapshotContent;
import io.sitrep.timeline.snapshot.SnapshotReads;
import io.sitrep.timeline.web.TimelineSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Atlassian Statuspage's public status API, same paths and shapes, so that widgets and dashboards
 * built for Statuspage read Sitrep unchanged: the page, components, incidents and scheduled maintenances. Every document
 * is rendered into the public snapshot and answered from it.
 */
@RestController
@RequestMapping("/api/v2")
@Tag(name = "Statuspage-compatible", description = "The paths and JSON shapes of Atlassian Statuspage's public status API")
class StatuspageController implements PublicSurface {

    private final ReadModels readModels;
    private final StatuspageViews views;
    private final PageSettings settings;
    private final TimelineSettings timeline;
    private final SnapshotAnswers answers;
    private final JsonMapper json;
    /** The incidents' JSON, kept from one build to the next while they are unchanged. */
    private final IncidentJson incidentJson;

    StatuspageController(ReadModels readModels, StatuspageViews views, PageSettings settings, TimelineSettings timeline,
                         SnapshotAnswers answers, JsonMapper json, MeterRegistry registry) {
        this.readModels = readModels;
        this.views = views;
        this.settings = settings;
        this.timeline = timeline;
        this.answers = answers;
        this.json = json;
        this.incidentJson = new IncidentJson(json, registry);
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
            summary = "Page, components, unresolved incidents, scheduled maintenances in progress or upcoming, and status",
            responses = {
                    @ApiResponse(responseCode = "200", description = "From the public snapshot, with ETag, Last-Modified and Cache-Control",
                            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Summary.class))),
                    @ApiResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match, If-Modified-Since) is current",
                            content = @Content)})
    @GetMapping("/summary.json")
    ResponseEntity<byte[]> summary(HttpServletRequest request) {
        return answer("/summary.json", request);
    }

    @Operation(operationId = "statuspageScheduledMaintenances",
            summary = "Page and the 50 most recent scheduled maintenances (by scheduled_for): scheduled, in progress, verifying or completed",
            responses = {
                    @ApiResponse(responseCode = "200", description = "From the public snapshot, with ETag, Last-Modified and Cache-Control",
                            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MaintenancesDocument.class))),
                    @ApiResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match, If-Modified-Since) is current",
                            content = @Content)})
    @GetMapping("/scheduled-maintenances.json")
    ResponseEntity<byte[]> scheduledMaintenances(HttpServletRequest request) {
        return answer("/scheduled-maintenances.json", request);
    }

    @Operation(operationId = "statuspageUpcomingScheduledMaintenances",
            summary = "Page and the scheduled maintenances still scheduled, soonest first",
            responses = {
                    @ApiResponse(responseCode = "200", description = "From the public snapshot, with ETag, Last-Modified and Cache-Control",
                            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MaintenancesDocument.class))),
                    @ApiResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match, If-Modified-Since) is current",
                            content = @Content)})
    @GetMapping("/scheduled-maintenances/upcoming.json")
    ResponseEntity<byte[]> upcomingScheduledMaintenances(HttpServletRequest request) {
        return answer("/scheduled-maintenances/upcoming.json", request);
    }

    @Operation(operationId = "statuspageActiveScheduledMaintenances",
            summary = "Page and the scheduled maintenances in progress or verifying",
            responses = {
                    @ApiResponse(responseCode = "200", description = "From the public snapshot, with ETag, Last-Modified and Cache-Control",
                            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MaintenancesDocument.class))),
                    @ApiResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match, If-Modified-Since) is current",
                            content = @Content)})
    @GetMapping("/scheduled-maintenances/active.json")
    ResponseEntity<byte[]> activeScheduledMaintenances(HttpServletRequest request) {
        return answer("/scheduled-maintenances/active.json", request);
    }

    @Operation(operationId = "statuspageStatus",
            summary = "Page and the overall status indicator",
            responses = {
                    @ApiResponse(responseCode = "200", description = "From the public snapshot, with ETag, Last-Modified and Cache-Control",
                            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatusDocument.class))),
                    @ApiResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match, If-Modified-Since) is current",
                            content = @Content)})
    @GetMapping("/status.json")
    ResponseEntity<byte[]> status(HttpServletRequest request) {
        return answer("/status.json", request);
    }

    @Operation(operationId = "statuspageComponents",
            summary = "Page and every component, groups included",
            responses = {
                    @ApiResponse(responseCode = "200", description = "From the public snapshot, with ETag, Last-Modified and Cache-Control",
                            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComponentsDocument.class))),
                    @ApiResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match, If-Modified-Since) is current",
                            content = @Content)})
    @GetMapping("/components.json")
    ResponseEntity<byte[]> components(HttpServletRequest request) {
        return answer("/components.json", request);
    }

    @Operation(operationId = "statuspageIncidents",
            summary = "Page and the most recent incidents, open or resolved",
            responses = {
                    @ApiResponse(responseCode = "200", description = "From the public snapshot, with ETag, Last-Modified and Cache-Control",
                            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IncidentsDocument.class))),
                    @ApiResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match, If-Modified-Since) is current",
                            content = @Content)})
    @GetMapping("/incidents.json")
    ResponseEntity<byte[]> incidents(HttpServletRequest request) {
        return answer("/incidents.json", request);
    }

    @Operation(operationId = "statuspageUnresolvedIncidents",
            summary = "Page and the incidents not yet resolved",
            responses = {
                    @ApiResponse(responseCode = "200", description = "From the public snapshot, with ETag, Last-Modified and Cache-Control",
                            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IncidentsDocument.class))),
                    @ApiResponse(responseCode = "304", description = "Not modified: the client's copy (If-None-Match, If-Modified-Since) is current",
                            content = @Content)})
    @GetMapping("/incidents/unresolved.json")
    ResponseEntity<byte[]> unresolved(HttpServletRequest request) {
        return answer("/incidents/unresolved.json", request);
    }

    /**
     * Every document of this API, read within the snapshot's read from the build's shared reads and rendered after it. An
     * incident's JSON is written once per build and kept while it does not change; the documents that list incidents are
     * assembled from it.
     */
    @Override
    public Rendering read(SnapshotContent content) {
        SnapshotReads reads = content.reads(readModels);
        List<ComponentView> components = reads.components();
        List<IncidentView> open = reads.openIncidents();
        List<IncidentView> recent = reads.recentIncidents(settings.incidentsLimit());
        List<MaintenanceView> active = reads.maintenances(new MaintenanceQuery(MaintenanceQuery.Status.ACTIVE, LISTED_MAINTENANCES, null));
        List<MaintenanceView> upcoming = reads.maintenances(new MaintenanceQuery(MaintenanceQuery.Status.UPCOMING, LISTED_MAINTENANCES, null));
        List<MaintenanceView> all = reads.maintenances(new MaintenanceQuery(MaintenanceQuery.Status.ALL, RECENT_MAINTENANCES, null));
        List<MaintenanceView> windows = new ArrayList<>(active);
        windows.addAll(upcoming);
        List<UUID> listed = new ArrayList<>(open.stream().map(IncidentView::id).toList());
        recent.forEach(incident -> listed.add(incident.id()));
        Map<UUID, List<TimelineEntry>> timelines = reads.timelines(listed, timeline.timelineLimit(), settings.showActor());
        List<UUID> maintenanceIds = new ArrayList<>(windows.stream().map(MaintenanceView::id).toList());
        all.forEach(maintenance -> maintenanceIds.add(maintenance.id()));
        Map<UUID, List<MaintenanceUpdateEntry>> updates = reads.maintenanceUpdates(maintenanceIds, timeline.timelineLimit());
        // The rendering uses only what was read here: it runs after the read, possibly beside the other surfaces' renderings.
        return () -> {
            incidentJson.nextBuild();
            RawValue openIncidents = incidents(open, timelines, components);
            ObjectNode summary = json.valueToTree(new Summary(views.page(components, open, windows), views.components(components), List.of(),
                    views.maintenances(windows, updates, components), views.status(components, open)));
            summary.putRawValue("incidents", openIncidents);
            content.json("/api/v2/summary.json", json.writeValueAsBytes(summary));
            content.json("/api/v2/scheduled-maintenances.json", maintenancesDocument(all, updates, components));
            content.json("/api/v2/scheduled-maintenances/upcoming.json", maintenancesDocument(upcoming, updates, components));
            content.json("/api/v2/scheduled-maintenances/active.json", maintenancesDocument(active, updates, components));
            content.json("/api/v2/status.json", new StatusDocument(views.page(components, open), views.status(components, open)));
            content.json("/api/v2/components.json", new ComponentsDocument(views.page(components, List.of()), views.components(components)));
            content.json("/api/v2/incidents.json", incidentsDocument(views.page(components, recent), incidents(recent, timelines, components)));
            content.json("/api/v2/incidents/unresolved.json", incidentsDocument(views.page(components, open), openIncidents));
        };
    }

    private ResponseEntity<byte[]> answer(String path, HttpServletRequest request) {
        return answers.answer("/api/v2" + path, request).orElseThrow(() -> new IllegalStateException("the snapshot has no " + path));
    }

    private byte[] incidentsDocument(SpPage page, RawValue incidents) {
        ObjectNode document = json.valueToTree(new IncidentsDocument(page, List.of()));
        document.putRawValue("incidents", incidents);
        return json.writeValueAsBytes(document);
    }

    private MaintenancesDocument maintenancesDocument(List<MaintenanceView> windows, Map<UUID, List<MaintenanceUpdateEntry>> updates,
                                                      List<ComponentView> components) {
        return new MaintenancesDocument(views.page(components, List.of(), windows), views.maintenances(windows, updates, components));
    }

    /** The incidents as a JSON array, each incident's JSON as kept while the incident, as this API shows it, is unchanged. */
    private RawValue incidents(List<IncidentView> incidents, Map<UUID, List<TimelineEntry>> timelines, List<ComponentView> components) {
        return incidentJson.array(views.incidents(incidents, timelines, components));
    }
}
