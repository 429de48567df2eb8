package io.sitrep.console.api;

import java.util.Map;

/**
 * A service refused a request, or could not be reached: the problem it answered (RFC 9457) in words, with the
 * message for each field it named.
 *
 * @param status  the HTTP status, or 503 when the service could not be reached
 * @param service the service that answered, e.g. {@code incident-service}
 * @param fields  field name (as the console's forms name them) to message
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String service;
    private final String title;
    private final String detail;
    private final Map<String, String> fields;

    public ApiProblem(int status, String service, String title, String detail, Map<String, String> fields) {
        super(service + " answered " + status + ": " + title);
        this.status = status;
        this.service = service;
        this.title = title;
        this.detail = detail;
        this.fields = Map.copyOf(fields);
    }

    public int status() {
        return status;
    }

    public String service() {
        return service;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** What to show the person above the form. */
    public String inWords() {
        return detail == null || detail.isBlank() ? title : title + ": " + detail;
    }
}
