package io.sitrep.timeline.maintenance.web;

import io.sitrep.support.security.ApiPrincipal;
import io.sitrep.timeline.readmodel.Audience;
import io.sitrep.timeline.readmodel.MaintenanceCursor;
import io.sitrep.timeline.readmodel.MaintenanceDetail;
import io.sitrep.timeline.readmodel.MaintenancePage;
import io.sitrep.timeline.readmodel.MaintenanceQuery;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.readmodel.UnknownMaintenance;
import io.sitrep.timeline.web.InvalidParameter;
import io.sitrep.timeline.web.QueryParameters;
import io.sitrep.timeline.web.TimelineSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Scheduled maintenance windows as the read models hold them. */
@RestController
@RequestMapping("/api/v1/maintenances")
class MaintenanceController {

    static final int MAX_LIMIT = 100;
    private static final String PROBLEM = "application/problem+json";
    /** A cursor names a planned start that PostgreSQL can compare; windows are planned years ahead at most. */
    private static final Instant LATEST_CURSOR = Instant.parse("9999-12-31T23:59:59Z");

    private final ReadModels readModels;
    private final Clock clock;
    private final TimelineSettings settings;

    MaintenanceController(ReadModels readModels, Clock clock, TimelineSettings settings) {
        this.readModels = readModels;
        this.clock = clock;
        this.settings = settings;
    }

    @Operation(operationId = "listMaintenances", summary = "Maintenance windows, a page at a time",
            description = "upcoming (scheduled) and active (in_progress, verifying) windows come soonest first by scheduledFor; "
                    + "completed (completed, cancelled) windows, and all of them when no status is given, latest first.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", description = "invalid-parameter: errors name the parameter at fault",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping
    MaintenanceList list(
            @Parameter(description = "upcoming, active, completed or all", schema = @Schema(allowableValues = {"upcoming", "active", "completed", "all"}, defaultValue = "all"))
            @RequestParam(required = false) String status,
            @Parameter(description = "page size, 1 to 100", schema = @Schema(defaultValue = "20")) @RequestParam(required = false) String limit,
            @Parameter(description = "the nextCursor of the previous page, asked with the same status") @RequestParam(required = false) String cursor) {
        MaintenanceQuery.Status state = QueryParameters.oneOf("status", status, MaintenanceQuery.Status.class, MaintenanceQuery.Status.ALL);
        int size = QueryParameters.integer("limit", limit, 1, MAX_LIMIT, 20);
        MaintenanceCursor after;
        try {
            after = cursor == null ? null : MaintenanceCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("cursor", e.getMessage());
        }
        if (after != null && (after.scheduledFor().isBefore(QueryParameters.EARLIEST) || after.scheduledFor().isAfter(LATEST_CURSOR))) {
            throw new InvalidParameter("cursor", "is not a cursor from a previous page");
        }
        MaintenancePage page = readModels.maintenances(new MaintenanceQuery(state, size, after));
        return new MaintenanceList(page.items().stream().map(MaintenanceSummary::of).toList(),
                page.next() == null ? null : page.next().encode());
    }

    @Operation(operationId = "getMaintenance", summary = "One maintenance window with its newest updates, now or as it stood at a moment",
            description = "updates holds at most the newest timeline-limit (100) entries, oldest first; earlierUpdates says whether there are more. "
                    + "Without a key each update's actor is null; with a key it names who posted it (scheduler for a step the window took by itself).")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", description = "invalid-parameter: errors name the parameter at fault",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "404", description = "unknown-maintenance",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping("/{id}")
    MaintenanceResponse get(
            @PathVariable UUID id,
            @Parameter(description = "show the window as Sitrep published it at this instant (RFC 3339), from 1970 to a day from now")
            @RequestParam(required = false) String asOf,
            HttpServletRequest request) {
        Instant moment = QueryParameters.instant("asOf", asOf, clock);
        // As on incidents: a caller with a key sees who posted each update.
        Audience audience = request.getAttribute(ApiPrincipal.ATTRIBUTE) instanceof ApiPrincipal ? Audience.RESPONDERS : Audience.PUBLIC;
        MaintenanceDetail detail = moment == null
                ? readModels.maintenance(id, settings.timelineLimit(), audience).orElseThrow(() -> new UnknownMaintenance(id))
                : readModels.maintenanceAsOf(id, moment, settings.timelineLimit(), audience)
                        .orElseThrow(() -> new UnknownMaintenance(id, moment));
        return MaintenanceResponse.of(detail, moment);
    }
}
