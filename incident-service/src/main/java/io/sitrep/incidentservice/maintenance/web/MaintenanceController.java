package io.sitrep.incidentservice.maintenance.web;

import io.sitrep.events.MaintenanceSnapshot;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.incidentservice.component.ComponentId;
import io.sitrep.incidentservice.maintenance.Maintenance;
import io.sitrep.incidentservice.maintenance.MaintenanceCursor;
import io.sitrep.incidentservice.maintenance.MaintenanceDetails;
import io.sitrep.incidentservice.maintenance.MaintenanceId;
import io.sitrep.incidentservice.maintenance.Maintenances;
import io.sitrep.incidentservice.maintenance.UnknownMaintenance;
import io.sitrep.incidentservice.maintenance.application.MaintenanceCommands;
import io.sitrep.incidentservice.security.Scopes;
import io.sitrep.incidentservice.web.ETags;
import io.sitrep.incidentservice.web.IdempotentRequests;
import io.sitrep.incidentservice.web.Preferences;
import io.sitrep.support.security.ApiPrincipal;
import io.sitrep.support.security.Command;
import io.sitrep.support.web.FieldRejected;
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
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
import java.util.function.Supplier;

/** Schedule maintenance windows, post their updates, start, complete and cancel them. */
@RestController
@RequestMapping(path = "/api/v1/maintenances", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Maintenance")
class MaintenanceController {

    private static final String MINIMAL = "return=minimal answers with status, Location and ETag only (RFC 7240)";

    private final MaintenanceCommands commands;
    private final Maintenances maintenances;
    private final IdempotentRequests idempotency;

    MaintenanceController(MaintenanceCommands commands, Maintenances maintenances, IdempotentRequests idempotency) {
        this.commands = commands;
        this.maintenances = maintenances;
        this.idempotency = idempotency;
    }

    @Operation(operationId = "scheduleMaintenance", summary = "Schedule a maintenance window")
    @ApiResponse(responseCode = "201", description = "Scheduled; Location and ETag name it; no body when the request prefers return=minimal", content = @Content(schema = @Schema(implementation = MaintenanceResponse.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Command(value = "maintenance.schedule", scope = Scopes.MAINTENANCE_WRITE)
    ResponseEntity<?> schedule(@Valid @RequestBody ScheduleMaintenanceRequest request,
                               @Parameter(description = "Retries with the same key and body return the first response")
                               @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                               @Parameter(description = MINIMAL) @RequestHeader(name = Preferences.HEADER, required = false) String prefer,
                               @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        List<ComponentId> components = components(request.components());
        return idempotency.run(principal, idempotencyKey, "schedule maintenance", request,
                () -> respond(HttpStatus.CREATED, commands.schedule(principal.actor(), request.command(), components), prefer));
    }

    @Operation(operationId = "getMaintenance", summary = "Read a maintenance window with its updates")
    @ApiResponse(responseCode = "200", description = "The window; ETag is its version", content = @Content(schema = @Schema(implementation = MaintenanceResponse.class)))
    @GetMapping("/{id}")
    ResponseEntity<MaintenanceResponse> get(@PathVariable UUID id) {
        MaintenanceDetails details = details(new MaintenanceId(id));
        return ResponseEntity.ok().eTag(ETags.of(details.maintenance().version())).body(MaintenanceResponse.of(details));
    }

    @Operation(operationId = "listMaintenances", summary = "List maintenance windows, soonest planned start first")
    @ApiResponse(responseCode = "200", description = "A page of windows, without their updates")
    @GetMapping
    @Transactional(readOnly = true)
    MaintenanceList list(
            @Parameter(description = "only windows in this status: scheduled, in_progress, verifying, completed or cancelled")
            @RequestParam(required = false) String status,
            @Parameter(description = "page size, 1 to 100", schema = @Schema(defaultValue = "20")) @RequestParam(required = false) String limit,
            @Parameter(description = "the nextCursor of the previous page") @RequestParam(required = false) String cursor) {
        MaintenanceStatus wanted = status(status);
        int size = limit(limit);
        MaintenanceCursor after;
        try {
            after = cursor == null ? null : MaintenanceCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new FieldRejected("cursor", e.getMessage());
        }
        List<MaintenanceSnapshot> page = maintenances.list(wanted, after, size + 1);
        List<MaintenanceSnapshot> items = page.subList(0, Math.min(size, page.size()));
        String next = page.size() > size
                ? new MaintenanceCursor(items.get(items.size() - 1).scheduledFor(), items.get(items.size() - 1).id()).encode()
                : null;
        return new MaintenanceList(items.stream().map(s -> MaintenanceResponse.of(s, null)).toList(), next);
    }

    @Operation(operationId = "changeMaintenance", summary = "Reschedule, rename or change the components of a scheduled window")
    @ApiResponse(responseCode = "200", description = "Changed, or unchanged when nothing differs; no body when the request prefers return=minimal", content = @Content(schema = @Schema(implementation = MaintenanceResponse.class)))
    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Command(value = "maintenance.change", scope = Scopes.MAINTENANCE_WRITE)
    ResponseEntity<?> change(@PathVariable UUID id, @Valid @RequestBody ChangeMaintenanceRequest request,
                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                             @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                             @Parameter(description = MINIMAL) @RequestHeader(name = Preferences.HEADER, required = false) String prefer,
                             @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        Long expected = ETags.ifMatch(ifMatch);
        notBlank("title", request.title());
        notBlank("message", request.message());
        List<ComponentId> components = request.components() == null ? null : components(request.components());
        return idempotency.run(principal, idempotencyKey, "change maintenance " + id, request,
                () -> respond(HttpStatus.OK, commands.change(principal.actor(), new MaintenanceId(id), expected, request.command(), components), prefer));
    }

    @Operation(operationId = "postMaintenanceUpdate", summary = "Post an update; a status moves a started window between in_progress and verifying, or completes it")
    @ApiResponse(responseCode = "201", description = "Posted; no body when the request prefers return=minimal", content = @Content(schema = @Schema(implementation = MaintenanceResponse.class)))
    @PostMapping(path = "/{id}/updates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Command(value = "maintenance.update", scope = Scopes.MAINTENANCE_WRITE)
    ResponseEntity<?> post(@PathVariable UUID id, @Valid @RequestBody PostMaintenanceUpdateRequest request,
                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                           @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                           @Parameter(description = MINIMAL) @RequestHeader(name = Preferences.HEADER, required = false) String prefer,
                           @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        Long expected = ETags.ifMatch(ifMatch);
        return idempotency.run(principal, idempotencyKey, "update maintenance " + id, request, () -> respond(HttpStatus.CREATED,
                commands.post(principal.actor(), new MaintenanceId(id), expected, request.message().strip(), request.status()), prefer));
    }

    @Operation(operationId = "startMaintenance", summary = "Start a scheduled window now")
    @ApiResponse(responseCode = "200", description = "Started; its components are under_maintenance; no body when the request prefers return=minimal", content = @Content(schema = @Schema(implementation = MaintenanceResponse.class)))
    @PostMapping(path = "/{id}/start")
    @Command(value = "maintenance.start", scope = Scopes.MAINTENANCE_WRITE)
    ResponseEntity<?> start(@PathVariable UUID id, @Valid @RequestBody(required = false) MaintenanceTransitionRequest request,
                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                            @Parameter(description = MINIMAL) @RequestHeader(name = Preferences.HEADER, required = false) String prefer,
                            @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        MaintenanceTransitionRequest body = orEmpty(request);
        Long expected = ETags.ifMatch(ifMatch);
        return transition(principal, idempotencyKey, "start maintenance " + id, body, prefer,
                () -> commands.start(principal.actor(), new MaintenanceId(id), expected, body.strippedMessage()));
    }

    @Operation(operationId = "completeMaintenance", summary = "Complete a started window, perhaps early")
    @ApiResponse(responseCode = "200", description = "Completed; its components return to their statuses; no body when the request prefers return=minimal", content = @Content(schema = @Schema(implementation = MaintenanceResponse.class)))
    @PostMapping(path = "/{id}/complete")
    @Command(value = "maintenance.complete", scope = Scopes.MAINTENANCE_WRITE)
    ResponseEntity<?> complete(@PathVariable UUID id, @Valid @RequestBody(required = false) MaintenanceTransitionRequest request,
                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                               @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                               @Parameter(description = MINIMAL) @RequestHeader(name = Preferences.HEADER, required = false) String prefer,
                               @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        MaintenanceTransitionRequest body = orEmpty(request);
        Long expected = ETags.ifMatch(ifMatch);
        return transition(principal, idempotencyKey, "complete maintenance " + id, body, prefer,
                () -> commands.complete(principal.actor(), new MaintenanceId(id), expected, body.strippedMessage()));
    }

    @Operation(operationId = "cancelMaintenance", summary = "Cancel a window that has not started")
    @ApiResponse(responseCode = "200", description = "Cancelled; no body when the request prefers return=minimal", content = @Content(schema = @Schema(implementation = MaintenanceResponse.class)))
    @PostMapping(path = "/{id}/cancel")
    @Command(value = "maintenance.cancel", scope = Scopes.MAINTENANCE_WRITE)
    ResponseEntity<?> cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) MaintenanceTransitionRequest request,
                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                             @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                             @Parameter(description = MINIMAL) @RequestHeader(name = Preferences.HEADER, required = false) String prefer,
                             @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal) {
        MaintenanceTransitionRequest body = orEmpty(request);
        Long expected = ETags.ifMatch(ifMatch);
        return transition(principal, idempotencyKey, "cancel maintenance " + id, body, prefer,
                () -> commands.cancel(principal.actor(), new MaintenanceId(id), expected, body.strippedMessage()));
    }

    private ResponseEntity<?> transition(ApiPrincipal principal, String idempotencyKey, String route, MaintenanceTransitionRequest body,
                                         String prefer, Supplier<Maintenance> command) {
        notBlank("message", body.message());
        return idempotency.run(principal, idempotencyKey, route, body, () -> respond(HttpStatus.OK, command.get(), prefer));
    }

    /** The window after the change, or only where it is and its version when the caller prefers {@code return=minimal}. */
    private ResponseEntity<MaintenanceResponse> respond(HttpStatus status, Maintenance maintenance, String prefer) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .location(URI.create("/api/v1/maintenances/" + maintenance.id()))
                .eTag(ETags.of(maintenance.version()));
        if (Preferences.returnMinimal(prefer)) {
            return response.header(Preferences.APPLIED, Preferences.RETURN_MINIMAL).build();
        }
        return response.body(MaintenanceResponse.of(details(maintenance.id())));
    }

    private MaintenanceDetails details(MaintenanceId id) {
        return maintenances.details(id).orElseThrow(() -> new UnknownMaintenance(id));
    }

    private static MaintenanceTransitionRequest orEmpty(MaintenanceTransitionRequest request) {
        return request == null ? MaintenanceTransitionRequest.EMPTY : request;
    }

    private static void notBlank(String field, String value) {
        if (value != null && value.isBlank()) {
            throw new FieldRejected(field, "must not be blank");
        }
    }

    private static MaintenanceStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return MaintenanceStatus.fromWireName(status);
        } catch (IllegalArgumentException e) {
            throw new FieldRejected("status", e.getMessage());
        }
    }

    private static int limit(String limit) {
        if (limit == null) {
            return MaintenanceLimits.DEFAULT_PAGE;
        }
        try {
            int size = Integer.parseInt(limit.strip());
            if (size >= 1 && size <= MaintenanceLimits.PAGE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new FieldRejected("limit", "must be a whole number from 1 to " + MaintenanceLimits.PAGE);
    }

    private static List<ComponentId> components(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                throw new FieldRejected("components[" + i + "]", "'" + ids.get(i) + "' is listed twice");
            }
        }
        return ids.stream().map(ComponentId::new).toList();
    }
}
