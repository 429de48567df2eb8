package io.sitrep.incidentservice.incident.web;

import io.sitrep.events.IncidentStatus;
import io.sitrep.incidentservice.component.ComponentId;
import io.sitrep.incidentservice.incident.Incident;
import io.sitrep.incidentservice.incident.IncidentDetails;
import io.sitrep.incidentservice.incident.IncidentId;
import io.sitrep.incidentservice.incident.Incidents;
import io.sitrep.incidentservice.incident.UnknownIncident;
import io.sitrep.incidentservice.incident.UnknownUpdate;
import io.sitrep.incidentservice.incident.application.ComponentStatusRequest;
import io.sitrep.incidentservice.incident.application.IncidentCommands;
import io.sitrep.support.security.ApiPrincipal;
import io.sitrep.support.security.Command;
import io.sitrep.incidentservice.security.Scopes;
import io.sitrep.incidentservice.web.ETags;
import io.sitrep.support.web.FieldRejected;
import io.sitrep.incidentservice.web.IdempotentRequests;
import io.sitrep.incidentservice.web.Preferences;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Open, update, resolve and reopen incidents, and publish their postmortems. */
@RestController
@RequestMapping(path = "/api/v1/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Incidents")
class IncidentController {

    private static final Pattern CURSOR = Pattern.compile("^[0-9]{1,18}$");

    private final IncidentCommands commands;
    private final Incidents incidents;
    private final IdempotentRequests idempotency;
    private final TimelineSettings timeline;
    private final TemplateFill templates;

    IncidentController(IncidentCommands commands, Incidents incidents, IdempotentRequests idempotency, TimelineSettings timeline,
                       TemplateFill templates) {
        this.commands = commands;
        this.incidents = incidents;
        this.idempotency = idempotency;
        this.timeline = timeline;
        this.templates = templates;
    }

    @Operation(operationId = "openIncident", summary = "Open an incident; a template fills what the request leaves out")
    @ApiResponse(responseCode = "201", description = "Opened; Location and ETag name it; no body when the request prefers return=minimal", content = @Content(schema = @Schema(implementation = IncidentResponse.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Command(value = "incident.open", scope = Scopes.INCIDENTS_WRITE)
    ResponseEntity<?> open(@Valid @RequestBody OpenIncidentRequest request,
                           @Parameter(description = "Retries with the same key and body return the first response")
                           @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                           @Parameter(description = "return=minimal answers with status, Location and ETag only (RFC 7240)")
                           @RequestHeader(name = Preferences.HEADER, required = false) String prefer,
                           @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        requireOpenStatus("status", request.status());
        return idempotency.run(principal, idempotencyKey, "open", request, () -> {
            // Inside the transaction: a retry under the same key replays the first answer even if the template changed since.
            OpenIncidentRequest filled = request.filledFrom(templates.named(request.template()));
            List<ComponentStatusRequest> components = components(filled.components());
            Incident incident = commands.open(principal.actor(), filled.command(), components);
            return respond(HttpStatus.CREATED, incident, prefer);
        });
    }

    @Operation(operationId = "getIncident", summary = "Read an incident with its newest updates and its postmortem")
    @ApiResponse(responseCode = "200", description = "The incident; ETag is its version", content = @Content(schema = @Schema(implementation = IncidentResponse.class)))
    @GetMapping("/{id}")
    ResponseEntity<IncidentResponse> get(@PathVariable UUID id) {
        IncidentDetails details = incidents.details(new IncidentId(id), timeline.embeddedUpdates())
                .orElseThrow(() -> new UnknownIncident(new IncidentId(id)));
        return ResponseEntity.ok().eTag(ETags.of(details.incident().version())).body(IncidentResponse.of(details));
    }

    @Operation(operationId = "listIncidentUpdates", summary = "Page through an incident's updates, oldest first")
    @ApiResponse(responseCode = "200", description = "A page of updates; next is the following page, null after the newest update")
    @GetMapping("/{id}/updates")
    UpdatePage updates(@PathVariable UUID id,
                       @Parameter(description = "Where the page starts: the cursor of a next link; the first update when absent")
                       @RequestParam(required = false) String cursor,
                       @Parameter(description = "Updates per page, 1 to 1000; sitrep.api.embedded-updates (100) when absent")
                       @RequestParam(required = false) Integer limit) {
        long after = cursor(cursor);
        int size = limit == null ? timeline.embeddedUpdates() : limit;
        if (size < 1 || size > TimelineSettings.MAX_PAGE) {
            throw new FieldRejected("limit", "must be 1 to " + TimelineSettings.MAX_PAGE);
        }
        List<IncidentDetails.TimelineEntry> page = incidents.updates(new IncidentId(id), after, size + 1)
                .orElseThrow(() -> new UnknownIncident(new IncidentId(id)));
        List<IncidentResponse.Update> items = page.stream().limit(size).map(IncidentResponse.Update::of).toList();
        String next = page.size() > size ? UpdatePage.link(id, Long.toString(items.get(items.size() - 1).version()), limit) : null;
        return new UpdatePage(items, next);
    }

    /** The version a cursor stands for; cursors are opaque to callers, who only send back those this API gave out. */
    private static long cursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        if (!CURSOR.matcher(cursor).matches()) {
            throw new FieldRejected("cursor", "must be a cursor from a next link of this API");
        }
        return Long.parseLong(cursor);
    }

    @Operation(operationId = "updateIncident", summary = "Post an update; a status of resolved resolves the incident; a template fills what the request leaves out")
    @ApiResponse(responseCode = "201", description = "Updated; no body when the request prefers return=minimal", content = @Content(schema = @Schema(implementation = IncidentResponse.class)))
    @PostMapping(path = "/{id}/updates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Command(value = "incident.update", scope = Scopes.INCIDENTS_WRITE)
    ResponseEntity<?> update(@PathVariable UUID id, @Valid @RequestBody UpdateIncidentRequest request,
                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                             @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                             @Parameter(description = "return=minimal answers with status, Location and ETag only (RFC 7240)")
                             @RequestHeader(name = Preferences.HEADER, required = false) String prefer,
                             @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        Long expected = ETags.ifMatch(ifMatch);
        return idempotency.run(principal, idempotencyKey, "update " + id, request, () -> {
            UpdateIncidentRequest filled = request.filledFrom(templates.named(request.template()));
            List<ComponentStatusRequest> components = components(filled.components());
            Incident incident = commands.update(principal.actor(), new IncidentId(id), expected, filled.command(), components);
            return respond(HttpStatus.CREATED, incident, prefer);
        });
    }

    @Operation(operationId = "resolveIncident", summary = "Resolve an incident")
    @ApiResponse(responseCode = "200", description = "Resolved; no body when the request prefers return=minimal", content = @Content(schema = @Schema(implementation = IncidentResponse.class)))
    @PostMapping(path = "/{id}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Command(value = "incident.resolve", scope = Scopes.INCIDENTS_WRITE)
    ResponseEntity<?> resolve(@PathVariable UUID id, @Valid @RequestBody ResolveIncidentRequest request,
                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                              @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                              @Parameter(description = "return=minimal answers with status, Location and ETag only (RFC 7240)")
                              @RequestHeader(name = Preferences.HEADER, required = false) String prefer,
                              @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        Long expected = ETags.ifMatch(ifMatch);
        List<ComponentStatusRequest> components = components(request.components());
        return idempotency.run(principal, idempotencyKey, "resolve " + id, request, () -> {
            Incident incident = commands.resolve(principal.actor(), new IncidentId(id), expected, request.command(), components);
            return respond(HttpStatus.OK, incident, prefer);
        });
    }

    @Operation(operationId = "reopenIncident", summary = "Reopen a resolved incident")
    @ApiResponse(responseCode = "200", description = "Reopened; no body when the request prefers return=minimal", content = @Content(schema = @Schema(implementation = IncidentResponse.class)))
    @PostMapping(path = "/{id}/reopen", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Command(value = "incident.reopen", scope = Scopes.INCIDENTS_WRITE)
    ResponseEntity<?> reopen(@PathVariable UUID id, @Valid @RequestBody ReopenIncidentRequest request,
                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                             @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                             @Parameter(description = "return=minimal answers with status, Location and ETag only (RFC 7240)")
                             @RequestHeader(name = Preferences.HEADER, required = false) String prefer,
                             @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        Long expected = ETags.ifMatch(ifMatch);
        requireOpenStatus("status", request.status());
        return idempotency.run(principal, idempotencyKey, "reopen " + id, request, () -> {
            Incident incident = commands.reopen(principal.actor(), new IncidentId(id), expected, request.command());
            return respond(HttpStatus.OK, incident, prefer);
        });
    }

    @Operation(operationId = "publishIncident", summary = "Make an internal incident public",
            description = "Makes an internal incident (one an alert opened, say) public, optionally with a title and first message"
                    + " written for customers; what was said while it was internal stays in the internal history. Subscribers"
                    + " hear of it as of an incident that has just opened, and the components it affects take their statuses now."
                    + " An incident is published once, while open: a second publish, or one of a resolved incident, is a 409"
                    + " problem naming the rule (incident-already-public, incident-already-resolved).")
    @ApiResponse(responseCode = "200", description = "Published; no body when the request prefers return=minimal", content = @Content(schema = @Schema(implementation = IncidentResponse.class)))
    @PostMapping(path = "/{id}/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Command(value = "incident.publish", scope = Scopes.INCIDENTS_WRITE)
    ResponseEntity<?> publish(@PathVariable UUID id, @Valid @RequestBody PublishIncidentRequest request,
                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                              @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                              @Parameter(description = "return=minimal answers with status, Location and ETag only (RFC 7240)")
                              @RequestHeader(name = Preferences.HEADER, required = false) String prefer,
                              @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        Long expected = ETags.ifMatch(ifMatch);
        List<ComponentStatusRequest> components = components(request.components());
        return idempotency.run(principal, idempotencyKey, "publish " + id, request, () -> {
            Incident incident = commands.publish(principal.actor(), new IncidentId(id), expected, request.command(), components);
            return respond(HttpStatus.OK, incident, prefer);
        });
    }

    @Operation(operationId = "editIncident", summary = "Rename or re-rate an incident: a correction",
            description = "Changes the title or the impact of an open or resolved incident without a timeline entry; subscribers are not"
                    + " notified, except webhooks that list incident.edited. Unchanged (no event) when both are the ones it has. A deleted"
                    + " incident is a 409 incident-deleted.")
    @ApiResponse(responseCode = "200", description = "Edited, or unchanged; no body when the request prefers return=minimal", content = @Content(schema = @Schema(implementation = IncidentResponse.class)))
    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Command(value = "incident.edit", scope = Scopes.INCIDENTS_WRITE)
    ResponseEntity<?> edit(@PathVariable UUID id, @Valid @RequestBody EditIncidentRequest request,
                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                           @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                           @Parameter(description = "return=minimal answers with status, Location and ETag only (RFC 7240)")
                           @RequestHeader(name = Preferences.HEADER, required = false) String prefer,
                           @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        Long expected = ETags.ifMatch(ifMatch);
        if (request.title() == null && request.impact() == null) {
            throw new FieldRejected("title", "give a title or an impact to change");
        }
        return idempotency.run(principal, idempotencyKey, "edit " + id, request, () -> {
            Incident incident = commands.edit(principal.actor(), new IncidentId(id), expected, request.command());
            return respond(HttpStatus.OK, incident, prefer);
        });
    }

    @Operation(operationId = "editIncidentUpdate", summary = "Correct the text of an update; the earlier text is kept as a revision",
            description = "Everyone sees the corrected text from now on; the earlier texts are listed by GET .../revisions. Subscribers"
                    + " are not notified, except webhooks that list incident.update_edited. A deleted incident is a 409 incident-deleted.")
    @ApiResponse(responseCode = "200", description = "Corrected, or unchanged when the text is the same; no body when the request prefers return=minimal", content = @Content(schema = @Schema(implementation = IncidentResponse.class)))
    @PatchMapping(path = "/{id}/updates/{updateId}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Command(value = "incident.update_edit", scope = Scopes.INCIDENTS_WRITE)
    ResponseEntity<?> editUpdate(@PathVariable UUID id, @PathVariable UUID updateId, @Valid @RequestBody EditUpdateRequest request,
                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                 @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                                 @Parameter(description = "return=minimal answers with status, Location and ETag only (RFC 7240)")
                                 @RequestHeader(name = Preferences.HEADER, required = false) String prefer,
                                 @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        Long expected = ETags.ifMatch(ifMatch);
        return idempotency.run(principal, idempotencyKey, "edit " + id + " update " + updateId, request, () -> {
            Incident incident = commands.editUpdate(principal.actor(), new IncidentId(id), expected, updateId, request.message().strip());
            return respond(HttpStatus.OK, incident, prefer);
        });
    }

    @Operation(operationId = "listIncidentUpdateRevisions", summary = "The earlier texts of an update, oldest first")
    @ApiResponse(responseCode = "200", description = "The replaced texts; the current one is the update's message")
    @GetMapping("/{id}/updates/{updateId}/revisions")
    RevisionList revisions(@PathVariable UUID id, @PathVariable UUID updateId) {
        return new RevisionList(incidents.revisions(new IncidentId(id), updateId)
                .orElseThrow(() -> new UnknownUpdate(new IncidentId(id), updateId)));
    }

    @Operation(operationId = "deleteIncident", summary = "Delete an incident opened by mistake",
            description = "Needs the admin scope. The incident disappears from every read model and public surface; the log keeps an"
                    + " incident.deleted tombstone, so a rebuild removes it again. An open incident gives its components back as a"
                    + " resolution would. Nobody is notified, except webhooks that list incident.deleted. Every later command on it is a"
                    + " 409 incident-deleted, and reading it a 404.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Command(value = "incident.delete", scope = ApiPrincipal.ADMIN)
    ResponseEntity<?> delete(@PathVariable UUID id, @Valid @RequestBody DeleteIncidentRequest request,
                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                             @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                             @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        Long expected = ETags.ifMatch(ifMatch);
        return idempotency.run(principal, idempotencyKey, "delete " + id, request, () -> {
            commands.delete(principal.actor(), new IncidentId(id), expected, request.reason().strip());
            return ResponseEntity.noContent().build();
        });
    }

    @Operation(operationId = "publishPostmortem", summary = "Publish or revise the postmortem of a resolved incident")
    @ApiResponse(responseCode = "200", description = "Published, or unchanged when the body is the one already published; no body when the request prefers return=minimal", content = @Content(schema = @Schema(implementation = IncidentResponse.class)))
    @PutMapping(path = "/{id}/postmortem", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Command(value = "incident.postmortem", scope = Scopes.INCIDENTS_WRITE)
    ResponseEntity<?> postmortem(@PathVariable UUID id, @Valid @RequestBody PostmortemRequest request,
                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                 @Parameter(description = "return=minimal answers with status, Location and ETag only (RFC 7240)")
                                 @RequestHeader(name = Preferences.HEADER, required = false) String prefer,
                                 @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        Long expected = ETags.ifMatch(ifMatch);
        return idempotency.run(principal, null, "postmortem " + id, request, () -> {
            Incident incident = commands.publishPostmortem(principal.actor(), new IncidentId(id), expected, request.body());
            return respond(HttpStatus.OK, incident, prefer);
        });
    }

    /** The incident after the change, or only where it is and its version when the caller prefers {@code return=minimal}. */
    private ResponseEntity<IncidentResponse> respond(HttpStatus status, Incident incident, String prefer) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .location(URI.create("/api/v1/incidents/" + incident.id()))
                .eTag(ETags.of(incident.version()));
        if (Preferences.returnMinimal(prefer)) {
            return response.header(Preferences.APPLIED, Preferences.RETURN_MINIMAL).build();
        }
        IncidentDetails details = incidents.details(incident.id(), timeline.embeddedUpdates())
                .orElseThrow(() -> new UnknownIncident(incident.id()));
        return response.body(IncidentResponse.of(details));
    }

    private static void requireOpenStatus(String field, IncidentStatus status) {
        if (status == IncidentStatus.RESOLVED) {
            throw new FieldRejected(field, "must be investigating, identified or monitoring");
        }
    }

    private static List<ComponentStatusRequest> components(List<ComponentStatusInput> inputs) {
        if (inputs == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!seen.add(inputs.get(i).id())) {
                throw new FieldRejected("components[" + i + "].id", "'" + inputs.get(i).id() + "' is listed twice");
            }
        }
        return inputs.stream().map(c -> new ComponentStatusRequest(new ComponentId(c.id()), c.status())).toList();
    }
}
