package io.sitrep.incidentservice.template.web;

import io.sitrep.incidentservice.template.TooManyTemplates;
import io.sitrep.incidentservice.template.UnknownTemplate;
import io.sitrep.support.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problems of the template rules, in the form of every other problem of the service; the common ones
 * (bad input, keys, unknown components) come from the service's own handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TemplateProblems {

    @ExceptionHandler(UnknownTemplate.class)
    ResponseEntity<ProblemDetail> unknown(UnknownTemplate e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-template", "Unknown template", e.getMessage());
    }

    @ExceptionHandler(TooManyTemplates.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyTemplates e) {
        return problem(HttpStatus.CONFLICT, "template-limit-reached", "Too many templates", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(Problems.type(type));
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
