package io.sitrep.incidentservice.restore.web;

import io.sitrep.incidentservice.restore.RestoreFailed;
import io.sitrep.incidentservice.restore.RestoreInProgress;
import io.sitrep.support.web.OpenApiProblems;
import io.sitrep.support.web.Problems;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/** The problems of a restore, and their place in the OpenAPI description. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RestoreProblems {

    @ExceptionHandler(RestoreInProgress.class)
    ResponseEntity<ProblemDetail> inProgress(RestoreInProgress e) {
        return problem(HttpStatus.CONFLICT, "restore-in-progress", "A restore is running", e.getMessage());
    }

    /** The log could not be read, or a row could not be written: the transaction rolled back, so nothing changed. */
    @ExceptionHandler(RestoreFailed.class)
    ResponseEntity<ProblemDetail> failed(RestoreFailed e) {
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "restore-failed", "The restore did not finish",
                e.getMessage());
        return ResponseEntity.status(problem.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "10").body(problem.getBody());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(Problems.type(type));
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }

    @Configuration(proxyBeanMethods = false)
    static class RestoreOpenApi {

        @Bean
        OpenApiCustomizer restoreOpenApiProblems() {
            return new OpenApiProblems(Map.of("restoreFromLog", List.of("409")),
                    Map.of("409", "restore-in-progress: a restore runs on this instance"), List.of());
        }
    }
}
