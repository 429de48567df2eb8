package io.sitrep.incidentservice.integration.alertmanager;

import io.sitrep.incidentservice.audit.web.AuditInterceptor;
import io.sitrep.incidentservice.integration.IntegrationSettings;
import io.sitrep.incidentservice.integration.Outcome;
import io.sitrep.incidentservice.integration.Texts;
import io.sitrep.incidentservice.integration.application.IntegrationCommands;
import io.sitrep.incidentservice.security.Scopes;
import io.sitrep.support.security.ApiPrincipal;
import io.sitrep.support.security.Command;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Receives Alertmanager's webhook: point an Alertmanager receiver's {@code webhook_configs} here. */
@RestController
@Tag(name = "Integrations")
class AlertmanagerController {

    static final String SOURCE = "alertmanager";

    /** Group keys longer than this are shortened to a digest rather than refused: a refused notification is a lost alert. */
    static final int GROUP_KEY_LIMIT = 1000;

    private final IntegrationCommands integrations;
    private final AlertmanagerTranslator translator;

    AlertmanagerController(IntegrationCommands integrations, IntegrationSettings settings) {
        this.integrations = integrations;
        this.translator = new AlertmanagerTranslator(settings);
    }

    /** What the notification did, and to which incident. */
    record Received(Outcome outcome, @Nullable UUID incidentId) {
    }

    @Operation(operationId = "receiveAlertmanagerNotification",
            summary = "Open, update or resolve the incident of an Alertmanager alert group")
    @ApiResponse(responseCode = "200", description = "Applied: the outcome and the incident",
            content = @Content(schema = @Schema(implementation = Received.class)))
    @ApiResponse(responseCode = "202", description = "Suppressed: maintenance is in progress on every component the alert names; no incident",
            content = @Content(schema = @Schema(implementation = Received.class)))
    @PostMapping(path = "/api/v1/integrations/alertmanager", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Command(value = "integration.alertmanager", scope = Scopes.INCIDENTS_WRITE)
    ResponseEntity<Received> receive(@Valid @RequestBody AlertmanagerNotification notification,
                                     @RequestAttribute(ApiPrincipal.ATTRIBUTE) ApiPrincipal principal,
                                     HttpServletRequest request) {
        IntegrationCommands.Applied applied = integrations.apply(principal, SOURCE, Texts.key(notification.groupKey(), GROUP_KEY_LIMIT),
                translator.translate(notification));
        request.setAttribute(AuditInterceptor.INCIDENT_ATTRIBUTE, applied.incidentId());
        // Suppressed during maintenance: accepted, but nothing was opened.
        HttpStatus status = applied.outcome() == Outcome.SUPPRESSED ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).body(new Received(applied.outcome(), applied.incidentId()));
    }
}
