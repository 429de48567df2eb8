package io.sitrep.timeline.web;

import io.sitrep.timeline.readmodel.UnknownComponent;
import io.sitrep.timeline.readmodel.UnknownIncident;
import io.sitrep.timeline.readmodel.UnknownMaintenance;
import io.sitrep.support.web.ProblemExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** The problems of timeline-service's own rules; the common ones come from {@link ProblemExceptionHandler}. */
@RestControllerAdvice
public class ApiExceptionHandler extends ProblemExceptionHandler {

    @ExceptionHandler(UnknownIncident.class)
    ResponseEntity<Object> unknownIncident(UnknownIncident e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-incident", "Unknown incident", e.getMessage(), List.of());
    }

    @ExceptionHandler(UnknownMaintenance.class)
    ResponseEntity<Object> unknownMaintenance(UnknownMaintenance e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-maintenance", "Unknown maintenance window", e.getMessage(), List.of());
    }

    @ExceptionHandler(UnknownComponent.class)
    ResponseEntity<Object> unknownComponent(UnknownComponent e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-component", "Unknown component", e.getMessage(), List.of());
    }

    @ExceptionHandler(InvalidParameter.class)
    ResponseEntity<Object> invalidParameter(InvalidParameter e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "A query parameter is not valid",
                e.parameter() + ": " + e.getMessage(), List.of(new FieldProblem(e.parameter(), e.getMessage())));
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<Object> conflict(Conflict e) {
        return problem(HttpStatus.CONFLICT, e.type(), e.title(), e.getMessage(), List.of());
    }
}
