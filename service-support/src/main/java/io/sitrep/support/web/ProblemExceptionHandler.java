package io.sitrep.support.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns every failure into an RFC 9457 problem: a 4xx that names the rule or the field at fault for
 * what the caller can fix, a 503 for a busy or unavailable database, a 500 without internals for what it cannot.
 * A service extends it with {@code @RestControllerAdvice} and adds the problems of its own rules.
 */
public abstract class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private DatabaseRefusals databaseRefusals = new DatabaseRefusals(new SimpleMeterRegistry(), Duration.ofSeconds(10), Clock.systemUTC());

    @ExceptionHandler(FieldRejected.class)
    ResponseEntity<Object> fieldRejected(FieldRejected e) {
        return problem(HttpStatus.BAD_REQUEST, "validation-failed", "The request is not valid",
                e.field() + ": " + e.getMessage(), List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    /** A refusal that names its own problem, such as an unknown key, a used-up budget or a missing scope. */
    @ExceptionHandler(RequestRefused.class)
    ResponseEntity<Object> refused(RequestRefused e) {
        ResponseEntity<Object> problem = problem(e.status(), e.type(), e.title(), e.getMessage(), List.of());
        return ResponseEntity.status(problem.getStatusCode()).headers(e.headers()).body(problem.getBody());
    }

    /** Method security refused a command: the key lacks its scope. */
    @ExceptionHandler(AuthorizationDeniedException.class)
    ResponseEntity<Object> commandDenied(AuthorizationDeniedException e) {
        String detail = e.getAuthorizationResult() instanceof ExplainedDenial explained ? explained.detail() : "The API key may not do this.";
        return problem(HttpStatus.FORBIDDEN, "insufficient-scope", "Not allowed", detail, List.of());
    }

    /**
     * The database is unavailable: down, refusing connections, the pool empty until its connection
     * timeout, a transaction that cannot begin or cannot be rolled back. A 503 the caller may retry;
     * counted and logged once per interval by {@link DatabaseRefusals}, without a stack trace.
     */
    @ExceptionHandler({TransientDataAccessException.class, DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class, TransactionSystemException.class, SQLTransientConnectionException.class,
            SQLNonTransientConnectionException.class})
    ResponseEntity<Object> databaseUnavailable(Exception e) {
        databaseRefusals.refused(e);
        ResponseEntity<Object> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "temporarily-unavailable", "Try again shortly",
                "The request could not be stored just now and changed nothing; retry it, with the same Idempotency-Key.", List.of());
        return ResponseEntity.status(problem.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "1").body(problem.getBody());
    }

    /** The service's shared count of refusals; a handler made outside a Spring context keeps a count of its own. */
    @Autowired(required = false)
    public void setDatabaseRefusals(DatabaseRefusals databaseRefusals) {
        this.databaseRefusals = databaseRefusals;
    }

    /**
     * A value the database refuses as data (SQLState class 22: a text too long, a character it cannot
     * store, a time out of its range) is the caller's to fix: a 400, and nothing of the database's own
     * words, which may quote the value or name the schema, reaches the caller. Any other database
     * failure is unexpected.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> dataRefused(DataAccessException e) {
        SQLException sql = sqlException(e);
        String state = sql == null ? null : sql.getSQLState();
        if (state == null || !state.startsWith("22")) {
            return unexpected(e);
        }
        log.warn("Request refused, the database does not accept one of its values (SQLState {}): {}", state,
                LogSafe.text(sql.getMessage()));
        return problem(HttpStatus.BAD_REQUEST, "validation-failed", "The request is not valid", switch (state) {
            case "22001" -> "A text in the request is longer than can be stored.";
            case "22008", "22007" -> "A time in the request lies outside the range that can be stored.";
            case "22P05", "22021" -> "A text in the request holds a character that cannot be stored.";
            case "22003" -> "A number in the request is out of range.";
            default -> "A value in the request cannot be stored.";
        } + " Nothing was changed.", List.of());
    }

    /**
     * Whether a failure of another kind was caused by the database being unreachable: a connection
     * refused or lost (SQLState class 08), the pool's connection timeout, or the server shutting down
     * (SQLState 57P01 to 57P03).
     */
    private static boolean causedByUnavailableDatabase(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof CannotCreateTransactionException || cause instanceof java.net.ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    private static SQLException sqlException(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (causedByUnavailableDatabase(e)) {
            return databaseUnavailable(e);
        }
        log.error("Request failed unexpectedly", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed on the server; it may be retried.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = new ArrayList<>();
        Object target = e.getBindingResult().getTarget();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            String field = target == null ? error.getField() : JsonFieldNames.of(target.getClass(), error.getField());
            fields.add(new FieldProblem(field, error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(error -> fields.add(new FieldProblem("", error.getDefaultMessage())));
        return problem(HttpStatus.BAD_REQUEST, "validation-failed", "The request is not valid", summary(fields), fields);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                fields.add(new FieldProblem(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return problem(HttpStatus.BAD_REQUEST, "validation-failed", "The request is not valid", summary(fields), fields);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge tooLarge) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", tooLarge.getMessage(), List.of());
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnsafeTextRejected unsafe) {
            String field = path(unsafe);
            return problem(HttpStatus.BAD_REQUEST, "validation-failed", "The request is not valid",
                    (field.isEmpty() ? "" : field + ": ") + unsafe.rule(), List.of(new FieldProblem(field, unsafe.rule())));
        }
        if (cause instanceof JacksonException jackson && !(cause instanceof StreamReadException && !(cause instanceof MismatchedInputException))) {
            String field = path(jackson);
            String message = describe(jackson);
            List<FieldProblem> fields = field.isEmpty() ? List.of() : List.of(new FieldProblem(field, message));
            return problem(HttpStatus.BAD_REQUEST, "malformed-request", "The request body cannot be read",
                    field.isEmpty() ? message : field + ": " + message, fields);
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "The request body cannot be read",
                "The body is not well-formed JSON" + (cause instanceof JacksonException j ? ": " + j.getOriginalMessage() : "."), List.of());
    }

    /** A path or query parameter of the wrong form, such as an id that is no UUID, names the parameter. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        String message = "'" + LogSafe.text(e.getValue()) + "' is not a valid " + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName());
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "A parameter is not valid", name + ": " + message,
                List.of(new FieldProblem(name, message)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "A query parameter is missing",
                e.getParameterName() + ": is required", List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
                                                             WebRequest request) {
        // Spring MVC's own failures (405, 406, 415, 404 of an unknown path, …): give them a problem type of ours.
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
            problem.setType(Problems.type(switch (status.value()) {
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 415 -> "unsupported-media-type";
                case 503 -> "temporarily-unavailable";
                default -> status.is5xxServerError() ? "internal-error" : "bad-request";
            }));
        }
        return response;
    }

    protected static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail, List<FieldProblem> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(Problems.type(type));
        problem.setTitle(title);
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
        return ResponseEntity.status(status).body(problem);
    }

    private static String summary(List<FieldProblem> fields) {
        return String.join("; ", fields.stream().map(f -> f.field().isEmpty() ? f.message() : f.field() + ": " + f.message()).toList());
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException && root.getMessage() != null) {
            return root.getMessage();
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return "'" + LogSafe.text(invalid.getValue()) + "' is not a valid " + typeName(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + typeName(mismatched.getTargetType());
        }
        return "has the wrong type";
    }

    private static String typeName(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == java.time.Instant.class) {
            return "an RFC 3339 timestamp, such as 2026-01-31T12:00:00Z";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of the listed values";
        }
        return "an object";
    }

    /** One field at fault and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }
}
