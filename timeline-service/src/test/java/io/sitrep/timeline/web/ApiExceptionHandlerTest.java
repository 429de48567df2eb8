package io.sitrep.timeline.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    // Security hardening: "timestamp out of range" and the like reached clients as 500s with the database's words.
    @Test
    void aDataExceptionOfTheDatabaseIsTheRequestsFaultAndNeverQuotesTheDatabase() {
        SQLException cause = new SQLException("ERROR: timestamp out of range: \"294277-01-01\"", "22008");

        ResponseEntity<Object> answer = handler.databaseRefused(new DataIntegrityViolationException("select …", cause));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getType().toString()).endsWith("invalid-parameter");
        assertThat(problem.getDetail()).doesNotContain("timestamp out of range", "294277", "select");
    }

    @Test
    void anyOtherDatabaseFailureIsAnInternalErrorWithoutItsText() {
        SQLException cause = new SQLException("ERROR: relation \"incidents\" does not exist", "42P01");

        ResponseEntity<Object> answer = handler.databaseRefused(new DataIntegrityViolationException("select …", cause));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).doesNotContain("relation", "incidents");
    }

    @Test
    void theParameterThatDoesNotDecodeIsNamed() {
        assertThat(ApiExceptionHandler.undecodable("status=open&cursor=%%%")).isEqualTo("cursor");
        assertThat(ApiExceptionHandler.undecodable("%zz=1")).isEqualTo("query");
    }
}
