package io.sitrep.incidentservice.integration.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sitrep.incidentservice.audit.web.AuditInterceptor;
import io.sitrep.incidentservice.integration.IntegrationSettings;
import io.sitrep.incidentservice.integration.Outcome;
import io.sitrep.incidentservice.integration.Texts;
import io.sitrep.incidentservice.integration.application.IntegrationCommands;
import io.sitrep.support.security.ApiAccess;
import io.sitrep.support.security.ApiPrincipal;
import io.sitrep.support.security.Command;
import io.sitrep.support.security.InsufficientScope;
import io.sitrep.incidentservice.security.Scopes;
import io.sitrep.support.web.FieldRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Receives events shaped like PagerDuty's Events API v2, so tools that speak it need no glue. The
 * {@code routing_key} is the API key, unless the request carries an Authorization header, which then
 * wins.
 */
@RestController
@Tag(name = "Integrations")
class AlertEventController {

    static final String SOURCE = "events";

    /** Dedup keys longer than this are shortened to a digest rather than refused: a refused event is a lost alert. */
    static final int DEDUP_KEY_LIMIT = 255;

    private final IntegrationCommands integrations;
    private final AlertEventTranslator translator;
    private final ApiAccess access;

    AlertEventController(IntegrationCommands integrations, IntegrationSettings settings, ApiAccess access) {
        this.integrations = integrations;
        this.translator = new AlertEventTranslator(settings);
        this.access = access;
    }

    /** The answer PagerDuty gives, so existing clients read it unchanged. */
    record Accepted(String status, String message, @JsonProperty("dedup_key") String dedupKey) {
    }

    @Operation(operationId = "receiveEvent", summary = "Trigger, acknowledge or resolve an incident by dedup key")
    @ApiResponse(responseCode = "202", description = "Processed",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @PostMapping(path = "/api/v1/integrations/events", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Command(value = "integration.events", scope = Scopes.INCIDENTS_WRITE, checksScopeItself = true)
    ResponseEntity<Accepted> receive(@Valid @RequestBody AlertEvent event,
                                     @RequestAttribute(name = ApiPrincipal.ATTRIBUTE, required = false) ApiPrincipal fromHeader,
                                     HttpServletRequest request) {
        return process(event, fromHeader, request);
    }

    /**
     * The same events on PagerDuty's own path: its client libraries, and Alertmanager's {@code pagerduty_configs}, can
     * only change the host they send to. Refusals on this path have PagerDuty's shape too ({@link PagerDutyAnswers}).
     */
    @Operation(operationId = "enqueueEvent", summary = "Trigger, acknowledge or resolve an incident, on PagerDuty's Events API v2 path",
            description = "For PagerDuty clients that can change only the host. A 400 answers with PagerDuty's body: "
                    + "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[…]}.")
    @ApiResponse(responseCode = "202", description = "Processed",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "400", description = "Invalid event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PagerDutyAnswers.Invalid.class)))
    @PostMapping(path = PagerDutyAnswers.ENQUEUE, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Command(value = "integration.events", scope = Scopes.INCIDENTS_WRITE, checksScopeItself = true)
    ResponseEntity<Accepted> enqueue(@Valid @RequestBody AlertEvent event,
                                     @RequestAttribute(name = ApiPrincipal.ATTRIBUTE, required = false) ApiPrincipal fromHeader,
                                     HttpServletRequest request) {
        return process(event, fromHeader, request);
    }

    /** PagerDuty's change events have no counterpart here: refused clearly, and as invalid, so that clients do not retry. */
    @Operation(operationId = "enqueueChangeEvent", summary = "Change events are not supported; always 400")
    @ApiResponse(responseCode = "400", description = "Change events are not supported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PagerDutyAnswers.Invalid.class)))
    @PostMapping(path = PagerDutyAnswers.CHANGE_ENQUEUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PagerDutyAnswers.Invalid> enqueueChange() {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(new PagerDutyAnswers.Invalid("invalid event",
                "Change events are not supported", List.of("Sitrep records incidents, not change events: send trigger, acknowledge "
                        + "and resolve events to " + PagerDutyAnswers.ENQUEUE)));
    }

    private ResponseEntity<Accepted> process(AlertEvent event, ApiPrincipal fromHeader, HttpServletRequest request) {
        ApiPrincipal principal = fromHeader != null ? fromHeader : access.admit(event.routingKey());
        request.setAttribute(ApiPrincipal.ATTRIBUTE, principal);
        if (!principal.may(Scopes.INCIDENTS_WRITE)) {
            throw new InsufficientScope(principal, Scopes.INCIDENTS_WRITE);
        }
        boolean trigger = "trigger".equals(event.eventAction());
        if (trigger && event.payload() == null) {
            throw new FieldRejected("payload", "is required for trigger");
        }
        boolean noKey = event.dedupKey() == null || event.dedupKey().isBlank();
        if (!trigger && noKey) {
            throw new FieldRejected("dedup_key", "is required for " + event.eventAction());
        }
        String dedupKey = noKey ? UUID.randomUUID().toString() : Texts.key(event.dedupKey().strip(), DEDUP_KEY_LIMIT);
        IntegrationCommands.Applied applied = integrations.apply(principal, SOURCE, dedupKey, translator.translate(event));
        request.setAttribute(AuditInterceptor.INCIDENT_ATTRIBUTE, applied.incidentId());
        String message = applied.outcome() == Outcome.SUPPRESSED
                ? "Event suppressed: maintenance is in progress on every component it names" : "Event processed";
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted("success", message, dedupKey));
    }
}
