package io.sitrep.incidentservice;

import io.sitrep.incidentservice.component.UnknownComponent;
import io.sitrep.incidentservice.web.IdempotencyKeyReused;
import io.sitrep.incidentservice.incident.IncidentRuleViolated;
import io.sitrep.incidentservice.incident.InvalidOccurrenceTime;
import io.sitrep.incidentservice.incident.StaleIncidentVersion;
import io.sitrep.incidentservice.incident.UnknownIncident;
import io.sitrep.incidentservice.incident.UnknownUpdate;
import io.sitrep.support.web.ProblemExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** The problems of incident-service's own rules; the common ones come from {@link ProblemExceptionHandler}. */
@RestControllerAdvice
public class ApiExceptionHandler extends ProblemExceptionHandler {

    @ExceptionHandler(UnknownIncident.class)
    ResponseEntity<Object> unknownIncident(UnknownIncident e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-incident", "Unknown incident", e.getMessage(), List.of());
    }

    @ExceptionHandler(UnknownUpdate.class)
    ResponseEntity<Object> unknownUpdate(UnknownUpdate e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-update", "Unknown update", e.getMessage(), List.of());
    }

    @ExceptionHandler(UnknownComponent.class)
    ResponseEntity<Object> unknownComponent(UnknownComponent e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-component", "Unknown component", e.getMessage(), List.of());
    }

    @ExceptionHandler(IncidentRuleViolated.class)
    ResponseEntity<Object> ruleViolated(IncidentRuleViolated e) {
        return problem(HttpStatus.CONFLICT, e.rule(), "The incident's state does not allow this", e.getMessage(), List.of());
    }

    @ExceptionHandler(StaleIncidentVersion.class)
    ResponseEntity<Object> stale(StaleIncidentVersion e) {
        return problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "The incident changed meanwhile",
                e.getMessage() + " Read it again and retry with If-Match: \"" + e.current() + "\".", List.of());
    }

    @ExceptionHandler(InvalidOccurrenceTime.class)
    ResponseEntity<Object> occurrence(InvalidOccurrenceTime e) {
        return problem(HttpStatus.BAD_REQUEST, "validation-failed", "The request is not valid", e.getMessage(),
                List.of(new FieldProblem("occurredAt", e.getMessage())));
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<Object> keyReused(IdempotencyKeyReused e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage(), List.of());
    }
}
