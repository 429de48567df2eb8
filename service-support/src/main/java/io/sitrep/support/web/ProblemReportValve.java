package io.sitrep.support.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Tomcat's own error answers (a malformed request line or path, headers too large: refused before
 * any service code runs) as RFC 9457 problems instead of HTML pages. Answers that already have a
 * body are left as they are.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status >= 500 ? "The request failed on the server; it may be retried."
                : "The server refused the request before it reached the API (" + title + "); check its request line, path and headers.";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                // Every value here is a constant of this class or a status code: nothing to escape.
                writer.write("{\"type\":\"" + Problems.type(type(status)) + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the answer was begun elsewhere; there is no one left to tell.
        }
    }

    private static String type(int status) {
        return switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            case 503 -> "temporarily-unavailable";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
    }
}
