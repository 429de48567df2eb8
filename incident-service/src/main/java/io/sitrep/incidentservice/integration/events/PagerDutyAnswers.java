package io.sitrep.incidentservice.integration.events;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * On PagerDuty's paths, a refused event is answered as PagerDuty answers it, so that its client libraries read the
 * refusal: the 400 problem every other path answers with becomes {@code {"status":"invalid event","message":"Event
 * object is invalid","errors":["field: why", …]}}. Other answers (401, 403, 429 with Retry-After) keep their problem
 * body; their status says what PagerDuty's would.
 */
@ControllerAdvice
class PagerDutyAnswers implements ResponseBodyAdvice<Object> {

    /** PagerDuty's Events API v2 path. */
    static final String ENQUEUE = "/v2/enqueue";
    /** PagerDuty's change events path. */
    static final String CHANGE_ENQUEUE = "/v2/change/enqueue";

    /** PagerDuty's answer to an event it refuses. */
    @Schema(name = "PagerDutyInvalidEvent")
    record Invalid(@Schema(example = "invalid event") String status, @Schema(example = "Event object is invalid") String message,
                   List<String> errors) {
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail problem) || problem.getStatus() != HttpStatus.BAD_REQUEST.value()
                || !onPagerDutysPath(request.getURI().getRawPath())) {
            return body;
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return new Invalid("invalid event", "Event object is invalid", errors(problem));
    }

    private static boolean onPagerDutysPath(String path) {
        return ENQUEUE.equals(path) || CHANGE_ENQUEUE.equals(path);
    }

    private static List<String> errors(ProblemDetail problem) {
        List<String> errors = new ArrayList<>();
        if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> fields) {
            for (Object field : fields) {
                if (field instanceof Map<?, ?> named) {
                    Object name = named.get("field");
                    errors.add((name == null || name.toString().isEmpty() ? "" : "'" + name + "' ") + named.get("message"));
                }
            }
        }
        if (errors.isEmpty() && problem.getDetail() != null) {
            errors.add(problem.getDetail());
        }
        return errors;
    }
}
