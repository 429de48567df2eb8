package io.sitrep.incidentservice.maintenance.web;

import io.sitrep.incidentservice.maintenance.InvalidMaintenanceWindow;
import io.sitrep.incidentservice.maintenance.MaintenanceRuleViolated;
import io.sitrep.incidentservice.maintenance.StaleMaintenanceVersion;
import io.sitrep.incidentservice.maintenance.UnknownMaintenance;
import io.sitrep.support.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/**
 * The problems of the maintenance rules, in the form of every other problem of the service; the common
 * ones (bad input, keys, unknown components, idempotency) come from the service's own handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MaintenanceProblems {

    @ExceptionHandler(UnknownMaintenance.class)
    ResponseEntity<ProblemDetail> unknown(UnknownMaintenance e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-maintenance", "Unknown maintenance window", e.getMessage(), null, null);
    }

    @ExceptionHandler(MaintenanceRuleViolated.class)
    ResponseEntity<ProblemDetail> ruleViolated(MaintenanceRuleViolated e) {
        return problem(HttpStatus.CONFLICT, e.rule(), "The maintenance window's state does not allow this", e.getMessage(), null, null);
    }

    @ExceptionHandler(StaleMaintenanceVersion.class)
    ResponseEntity<ProblemDetail> stale(StaleMaintenanceVersion e) {
        return problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "The maintenance window changed meanwhile",
                e.getMessage() + " Read it again and retry with If-Match: \"" + e.current() + "\".", null, null);
    }

    @ExceptionHandler(InvalidMaintenanceWindow.class)
    ResponseEntity<ProblemDetail> invalidWindow(InvalidMaintenanceWindow e) {
        return problem(HttpStatus.BAD_REQUEST, "validation-failed", "The request is not valid", e.field() + ": " + e.getMessage(),
                e.field(), e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
                                                         String field, String fieldMessage) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(Problems.type(type));
        problem.setTitle(title);
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", fieldMessage)));
        }
        return ResponseEntity.status(status).body(problem);
    }
}
