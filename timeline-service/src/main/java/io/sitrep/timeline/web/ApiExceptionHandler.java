package io.sitrep.timeline.web;

import io.sitrep.timeline.readmodel.UnknownComponent;
import io.sitrep.timeline.readmodel.UnknownIncident;
import io.sitrep.support.web.ProblemExceptionHandler;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

/** The problems of timeline-service's own rules; the common ones come from {@link ProblemExceptionHandler}. */
@RestControllerAdvice
public class ApiExceptionHandler extends ProblemExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(UnknownIncident.class)
    ResponseEntity<Object> unknownIncident(UnknownIncident e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-incident", "Unknown incident", e.getMessage(), List.of());
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

    /**
     * A query the container cannot decode (malformed percent-encoding, such as {@code ?cursor=%%%}): 400
     * naming the first parameter at fault, as the query parameters' own checks do.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableQuery(InvalidParameterException e, HttpServletRequest request) {
        String parameter = undecodable(request.getQueryString());
        String message = "is not correctly percent-encoded";
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "A query parameter is not valid", parameter + ": " + message,
                List.of(new FieldProblem(parameter, message)));
    }

    /** The name of the first parameter of the query that does not decode; "query" when it is the name itself that does not. */
    static String undecodable(String query) {
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String decodedName;
                try {
                    decodedName = URLDecoder.decode(name, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return "query";
                }
                try {
                    URLDecoder.decode(equals < 0 ? "" : pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return QueryParameters.printable(decodedName);
                }
            }
        }
        return "query";
    }

    /**
     * A value the database refused, SQLState class 22 (data exception: out of range, malformed, NUL…), is
     * the request's fault: 400. Nothing the database said reaches the answer.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> databaseRefused(DataAccessException e) {
        String state = sqlState(e);
        if (state != null && state.startsWith("22")) {
            log.info("A request carried a value the database refused (SQLState {}); answered 400", state);
            return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "A parameter is not valid",
                    "A parameter holds a value out of range or of the wrong form.", List.of());
        }
        log.error("Request failed in the database (SQLState {})", state, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed on the server; it may be retried.", List.of());
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<Object> conflict(Conflict e) {
        return problem(HttpStatus.CONFLICT, e.type(), e.title(), e.getMessage(), List.of());
    }
}
