package io.sitrep.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemExceptionHandlerTest {

    private final ProblemExceptionHandler handler = new ProblemExceptionHandler() {
    };

    @Test
    void aValueTheDatabaseRefusesIsABadRequestWithoutTheDatabasesWords() {
        // issue "hostile input": an untranslatable character reached the client as a 500 with PostgreSQL's message
        DataAccessException refused = translated(new SQLException("ERROR: unsupported Unicode escape sequence in table secret_table", "22P05"));

        ResponseEntity<Object> answer = handler.dataRefused(refused);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getType()).hasToString("urn:sitrep:problem:validation-failed");
        assertThat(problem.getDetail()).contains("character that cannot be stored").doesNotContain("secret_table").doesNotContain("ERROR");
    }

    @Test
    void aTimeOutOfTheDatabasesRangeIsABadRequest() {
        ResponseEntity<Object> answer = handler.dataRefused(translated(new SQLException("timestamp out of range", "22008")));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).contains("time").doesNotContain("timestamp out of range");
    }

    @Test
    void anyOtherDatabaseFailureStaysAnInternalErrorWithoutInternals() {
        ResponseEntity<Object> answer = handler.dataRefused(translated(new SQLException("duplicate key in secret_index", "23505")));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).doesNotContain("secret_index");
    }

    private static DataAccessException translated(SQLException e) {
        return new SQLStateSQLExceptionTranslator().translate("insert", "INSERT INTO secret_table VALUES (?)", e);
    }
}
