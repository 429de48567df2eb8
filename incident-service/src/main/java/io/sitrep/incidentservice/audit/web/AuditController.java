package io.sitrep.incidentservice.audit.web;

import io.sitrep.incidentservice.audit.AuditEntry;
import io.sitrep.incidentservice.audit.AuditLog;
import io.sitrep.support.web.FieldRejected;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** Pages through the audit log: every command, who sent it, when, on which incident, and how it ended. */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
class AuditController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_ACTOR = 200;
    private static final Pattern CURSOR = Pattern.compile("^[0-9]{1,18}$");

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Operation(operationId = "listAudit", summary = "Page through the audit log, oldest first",
            description = "Every command that reached incident-service's rules, accepted or refused: the actor (the API key's name,"
                    + " or the person a key with actor:delegate acted for), the key, the time, the incident and the outcome.")
    @ApiResponse(responseCode = "200", description = "A page of entries; nextCursor is null on the last page")
    @GetMapping
    AuditPage list(@Parameter(description = "Only entries at or after this instant (ISO 8601)") @RequestParam(required = false) String since,
                   @Parameter(description = "Only entries before this instant (ISO 8601)") @RequestParam(required = false) String until,
                   @Parameter(description = "Only entries of this actor") @RequestParam(required = false) String actor,
                   @Parameter(description = "Entries per page, 1 to 1000; 100 when absent") @RequestParam(required = false) Integer limit,
                   @Parameter(description = "The nextCursor of the previous page") @RequestParam(required = false) String cursor) {
        Instant from = instant("since", since);
        Instant to = instant("until", until);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new FieldRejected("until", "must be after since");
        }
        if (actor != null && (actor.isBlank() || actor.length() > MAX_ACTOR)) {
            throw new FieldRejected("actor", "must be 1 to " + MAX_ACTOR + " characters");
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new FieldRejected("limit", "must be 1 to " + MAX_LIMIT);
        }
        if (cursor != null && !CURSOR.matcher(cursor).matches()) {
            throw new FieldRejected("cursor", "must be a nextCursor of this API");
        }
        long after = cursor == null ? 0 : Long.parseLong(cursor);
        List<AuditEntry> page = audit.page(from, to, actor == null ? null : actor.strip(), after, size + 1);
        List<AuditEntry> items = page.stream().limit(size).toList();
        String next = page.size() > size ? Long.toString(items.get(items.size() - 1).id()) : null;
        return new AuditPage(items.stream().map(AuditPage.Item::of).toList(), next);
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new FieldRejected(field, "must be an ISO 8601 instant such as 2025-10-20T07:11:04Z");
        }
    }
}
