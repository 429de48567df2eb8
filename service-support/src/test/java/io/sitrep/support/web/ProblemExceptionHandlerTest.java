package io.sitrep.support.web;

import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemExceptionHandlerTest {

    private final ProblemExceptionHandler handler = new ProblemExceptionHandler() {
    };

    @Test
    void aRefusalIsAnsweredWithTheProblemAndHeadersItCarries() {
        // issue 17: the handler knew security's exceptions by name; it now answers whatever refusal names its own problem
        RequestRefused refused = new RequestRefused(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", "Slow down.") {
            @Override
            public HttpHeaders headers() {
                HttpHeaders headers = new HttpHeaders();
                headers.set(HttpHeaders.RETRY_AFTER, "7");
                return headers;
            }
        };

        ResponseEntity<Object> answer = handler.refused(refused);

        assertThat(answer.getStatusCode().value()).isEqualTo(429);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getType()).hasToString("urn:sitrep:problem:rate-limited");
        assertThat(problem.getTitle()).isEqualTo("Too many requests");
        assertThat(problem.getDetail()).isEqualTo("Slow down.");
    }

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

    // issue 21: a dead database answered 500 internal-error after 5 s, with a stack trace per request.
    @Test
    void aTransactionThatCannotBeginBecauseTheDatabaseIsDownIsA503WithRetryAfter() {
        Exception e = new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("sitrep - Connection is not available, request timed out after 2000ms"));

        assertUnavailable(handler.unexpected(e));
        assertUnavailable(handler.databaseUnavailable(e));
    }

    @Test
    void thePoolsConnectionTimeoutIsA503WithRetryAfter() {
        assertUnavailable(handler.databaseUnavailable(new SQLTransientConnectionException("Connection is not available, request timed out")));
    }

    @Test
    void aConnectionThatCannotBeObtainedIsA503WithRetryAfter() {
        assertUnavailable(handler.databaseUnavailable(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLException("Connection to localhost:5432 refused", "08001"))));
    }

    @Test
    void aRollbackThatFailsIsA503WithRetryAfter() {
        assertUnavailable(handler.databaseUnavailable(new TransactionSystemException("Could not roll back JDBC transaction")));
    }

    @Test
    void aRefusedConnectionIsA503WithRetryAfter() {
        assertUnavailable(handler.dataRefused(translated(new SQLException("Connection to localhost:5432 refused", "08001"))));
    }

    @Test
    void aServerShuttingDownIsA503WithRetryAfter() {
        assertUnavailable(handler.dataRefused(translated(new SQLException("terminating connection due to administrator command", "57P01"))));
    }

    @Test
    void aTransientOrResourceFailureIsA503WithRetryAfter() {
        assertUnavailable(handler.databaseUnavailable(new QueryTimeoutException("canceling statement due to statement timeout")));
        assertUnavailable(handler.databaseUnavailable(new DataAccessResourceFailureException("I/O error")));
    }

    @Test
    void aConnectionRefusedDeepInAnotherFailureIsA503() {
        Exception e = new IllegalStateException("wrapped", new java.net.ConnectException("Connection refused"));

        assertUnavailable(handler.unexpected(e));
    }

    @Test
    void refusalsAreCountedAndLoggedOncePerInterval() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
        DatabaseRefusals refusals = new DatabaseRefusals(registry, Duration.ofSeconds(10), clock);
        handler.setDatabaseRefusals(refusals);
        Exception e = new CannotCreateTransactionException("down", new SQLTransientConnectionException("timed out"));

        boolean first = refusals.refused(e);
        boolean second = refusals.refused(e);
        clock.now = clock.now.plusSeconds(11);
        boolean afterInterval = refusals.refused(e);
        handler.databaseUnavailable(e);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(afterInterval).isTrue();
        assertThat(registry.get(DatabaseRefusals.METER).counter().count()).isEqualTo(4.0);
    }

    private static void assertUnavailable(ResponseEntity<Object> answer) {
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getType()).hasToString("urn:sitrep:problem:temporarily-unavailable");
        assertThat(problem.getDetail()).doesNotContain("localhost").doesNotContain("timed out");
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static DataAccessException translated(SQLException e) {
        return new SQLStateSQLExceptionTranslator().translate("insert", "INSERT INTO secret_table VALUES (?)", e);
    }
}
