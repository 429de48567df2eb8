package io.sitrep.timeline.incident.web;

import io.sitrep.support.security.ApiPrincipal;
import io.sitrep.timeline.readmodel.Audience;
import io.sitrep.timeline.readmodel.IncidentCursor;
import io.sitrep.timeline.readmodel.IncidentDetail;
import io.sitrep.timeline.readmodel.IncidentPage;
import io.sitrep.timeline.readmodel.IncidentQuery;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.readmodel.TimelineCursor;
import io.sitrep.timeline.readmodel.TimelinePage;
import io.sitrep.timeline.readmodel.UnknownIncident;
import io.sitrep.timeline.web.InvalidParameter;
import io.sitrep.timeline.web.QueryParameters;
import io.sitrep.timeline.web.TimelineSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Incidents as the read models hold them. A caller without a key sees public incidents and their public entries;
 * a caller with a key sees internal ones too, with each entry's visibility and actor.
 */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

    static final int MAX_LIMIT = 100;

    /** Component ids are short; a longer one matches nothing. */
    static final int MAX_COMPONENT_LENGTH = 200;

    private final ReadModels readModels;
    private final Clock clock;
    private final TimelineSettings settings;

    IncidentController(ReadModels readModels, Clock clock, TimelineSettings settings) {
        this.readModels = readModels;
        this.clock = clock;
        this.settings = settings;
    }

    @Operation(operationId = "listIncidents", summary = "Incidents, newest first, a page at a time",
            description = "Without a key, public incidents only; with a key, internal ones too, each with its visibility.")
    @GetMapping
    IncidentList list(
            @Parameter(description = "open, resolved or all", schema = @Schema(allowableValues = {"open", "resolved", "all"}, defaultValue = "all"))
            @RequestParam(required = false) String status,
            @Parameter(description = "only incidents that affect this component id") @RequestParam(required = false) String component,
            @Parameter(description = "only incidents created at or after this instant (RFC 3339), from 1970 to a day from now") @RequestParam(required = false) String since,
            @Parameter(description = "only incidents created before this instant (RFC 3339), from 1970 to a day from now") @RequestParam(required = false) String until,
            @Parameter(description = "page size, 1 to 100", schema = @Schema(defaultValue = "20")) @RequestParam(required = false) String limit,
            @Parameter(description = "the nextCursor of the previous page") @RequestParam(required = false) String cursor,
            HttpServletRequest request) {
        IncidentQuery.Status state = QueryParameters.oneOf("status", status, IncidentQuery.Status.class, IncidentQuery.Status.ALL);
        Instant from = QueryParameters.instant("since", since, clock);
        Instant to = QueryParameters.instant("until", until, clock);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidParameter("until", "must be after since");
        }
        String componentId = QueryParameters.text("component", component, MAX_COMPONENT_LENGTH);
        int size = QueryParameters.integer("limit", limit, 1, MAX_LIMIT, 20);
        IncidentCursor after;
        try {
            after = cursor == null ? null : IncidentCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("cursor", e.getMessage());
        }
        if (after != null) {
            QueryParameters.inRange("cursor", after.createdAt(), clock);
        }
        IncidentPage page = readModels.incidents(new IncidentQuery(state, componentId, from, to, size, after), audience(request));
        return new IncidentList(page.items().stream().map(IncidentSummary::of).toList(),
                page.next() == null ? null : page.next().encode());
    }

    @Operation(operationId = "getIncident", summary = "One incident with its newest timeline entries and postmortem, now or as it stood at a moment",
            description = "The timeline holds at most the newest timeline-limit (100) entries, oldest first; when there are earlier ones, "
                    + "earlierTimeline links to them (GET /api/v1/incidents/{id}/timeline), as does a Link header with rel=\"next\". "
                    + "Without a key, an internal incident is unknown (404) and only public entries are shown, without their actor; "
                    + "with a key, every entry is shown with its visibility and actor.")
    @GetMapping("/{id}")
    ResponseEntity<IncidentResponse> get(
            @PathVariable UUID id,
            @Parameter(description = "show the incident as Sitrep published it at this instant (RFC 3339), from 1970 to a day from now")
            @RequestParam(required = false) String asOf,
            HttpServletRequest request) {
        Instant moment = QueryParameters.instant("asOf", asOf, clock);
        Audience audience = audience(request);
        IncidentDetail detail = moment == null
                ? readModels.incident(id, settings.timelineLimit(), audience).orElseThrow(() -> new UnknownIncident(id))
                : readModels.incidentAsOf(id, moment, settings.timelineLimit(), audience).orElseThrow(() -> new UnknownIncident(id, moment));
        TimelineCursor earlier = detail.earlier();
        String earlierTimeline = earlier == null ? null : timelinePath(id, earlier);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (earlierTimeline != null) {
            answer.header(HttpHeaders.LINK, "<" + earlierTimeline + ">; rel=\"next\"");
        }
        return answer.body(IncidentResponse.of(detail, moment, earlierTimeline));
    }

    @Operation(operationId = "getIncidentTimeline", summary = "An incident's whole timeline, newest entry first, a page at a time")
    @GetMapping("/{id}/timeline")
    TimelineList timeline(
            @PathVariable UUID id,
            @Parameter(description = "page size, 1 to 100", schema = @Schema(defaultValue = "100")) @RequestParam(required = false) String limit,
            @Parameter(description = "the nextCursor of the previous page, or the cursor in an incident's earlierTimeline")
            @RequestParam(required = false) String cursor,
            HttpServletRequest request) {
        int size = QueryParameters.integer("limit", limit, 1, MAX_LIMIT, MAX_LIMIT);
        TimelineCursor after;
        try {
            after = cursor == null ? null : TimelineCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("cursor", e.getMessage());
        }
        TimelinePage page = readModels.timeline(id, after, size, audience(request)).orElseThrow(() -> new UnknownIncident(id));
        return new TimelineList(page.items(), page.next() == null ? null : page.next().encode());
    }

    /** Responders when the caller presented a key, else the public. */
    private static Audience audience(HttpServletRequest request) {
        return request.getAttribute(ApiPrincipal.ATTRIBUTE) instanceof ApiPrincipal ? Audience.RESPONDERS : Audience.PUBLIC;
    }

    private static String timelinePath(UUID id, TimelineCursor cursor) {
        return "/api/v1/incidents/" + id + "/timeline?cursor=" + cursor.encode();
    }
}
