package io.sitrep.timeline.incident.web;

import io.sitrep.timeline.readmodel.IncidentCursor;
import io.sitrep.timeline.readmodel.IncidentPage;
import io.sitrep.timeline.readmodel.IncidentQuery;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.readmodel.UnknownIncident;
import io.sitrep.timeline.web.InvalidParameter;
import io.sitrep.timeline.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

/** Incidents as the read models hold them. */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

    static final int MAX_LIMIT = 100;

    private final ReadModels readModels;

    IncidentController(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Operation(operationId = "listIncidents", summary = "Incidents, newest first, a page at a time")
    @GetMapping
    IncidentList list(
            @Parameter(description = "open, resolved or all", schema = @Schema(allowableValues = {"open", "resolved", "all"}, defaultValue = "all"))
            @RequestParam(required = false) String status,
            @Parameter(description = "only incidents that affect this component id") @RequestParam(required = false) String component,
            @Parameter(description = "only incidents created at or after this instant (RFC 3339)") @RequestParam(required = false) String since,
            @Parameter(description = "only incidents created before this instant (RFC 3339)") @RequestParam(required = false) String until,
            @Parameter(description = "page size, 1 to 100", schema = @Schema(defaultValue = "20")) @RequestParam(required = false) String limit,
            @Parameter(description = "the nextCursor of the previous page") @RequestParam(required = false) String cursor) {
        IncidentQuery.Status state = QueryParameters.oneOf("status", status, IncidentQuery.Status.class, IncidentQuery.Status.ALL);
        Instant from = QueryParameters.instant("since", since);
        Instant to = QueryParameters.instant("until", until);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidParameter("until", "must be after since");
        }
        if (component != null && component.isBlank()) {
            throw new InvalidParameter("component", "must not be blank");
        }
        int size = QueryParameters.integer("limit", limit, 1, MAX_LIMIT, 20);
        IncidentCursor after;
        try {
            after = cursor == null ? null : IncidentCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("cursor", e.getMessage());
        }
        IncidentPage page = readModels.incidents(new IncidentQuery(state, component, from, to, size, after));
        return new IncidentList(page.items().stream().map(IncidentSummary::of).toList(),
                page.next() == null ? null : page.next().encode());
    }

    @Operation(operationId = "getIncident", summary = "One incident with its timeline and postmortem, now or as it stood at a moment")
    @GetMapping("/{id}")
    IncidentResponse get(
            @PathVariable UUID id,
            @Parameter(description = "show the incident as Sitrep published it at this instant (RFC 3339)") @RequestParam(required = false) String asOf) {
        Instant moment = QueryParameters.instant("asOf", asOf);
        if (moment == null) {
            return readModels.incident(id).map(detail -> IncidentResponse.of(detail, null)).orElseThrow(() -> new UnknownIncident(id));
        }
        return readModels.incidentAsOf(id, moment).map(detail -> IncidentResponse.of(detail, moment))
                .orElseThrow(() -> new UnknownIncident(id, moment));
    }
}
