package io.sitrep.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes RFC 9457 problems from servlet filters, which run before Spring MVC can. */
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String type, String title,
                      String detail) throws IOException {
        write(request, response, status, type, title, detail, List.of());
    }

    /** A problem that names the fields (or parameters) at fault. */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String type, String title,
                      String detail, List<ProblemExceptionHandler.FieldProblem> fields) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.type(type).toString());
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        if (!fields.isEmpty()) {
            problem.put("errors", fields.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
