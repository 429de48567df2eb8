package io.sitrep.timeline.web;

import io.sitrep.support.web.Problems;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The container's own error answers as RFC 9457 problems, not Tomcat's HTML page: a request the
 * container refuses before the application sees it (a character not allowed in the request target, an
 * encoded NUL in the path, …). They say nothing of the request beyond its status.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        String type = switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
        String detail = status == 400
                ? "The request is malformed: its path or query holds a character that is not allowed, or a malformed encoding."
                : "The request could not be served.";
        String body = "{\"type\":\"" + Problems.type(type) + "\",\"title\":\"" + (status >= 500 ? "Internal error" : "Bad request")
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away; nothing more to say.
        }
    }
}
