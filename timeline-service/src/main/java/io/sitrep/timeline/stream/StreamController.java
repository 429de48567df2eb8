package io.sitrep.timeline.stream;

import io.sitrep.support.web.ClientAddresses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.sitrep.support.web.Problems;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** {@code GET /api/v1/stream}: every applied event as Server-Sent Events. */
@RestController
class StreamController {

    private static final Logger log = LoggerFactory.getLogger(StreamController.class);

    private final EventStream stream;
    private final StreamSettings settings;
    private final ClientAddresses addresses;

    StreamController(EventStream stream, StreamSettings settings) {
        this.stream = stream;
        this.settings = settings;
        this.addresses = new ClientAddresses(settings.trustedProxies());
    }

    @Operation(operationId = "streamEvents",
            summary = "Every applied event as Server-Sent Events: event = type, id = event id, data = the event's JSON",
            description = "Resumes after Last-Event-ID (header, or the lastEventId parameter) from a buffer of recent events; when that "
                    + "event is no longer buffered, a 'sitrep.resync' event comes first. Heartbeat comments keep the connection alive. "
                    + "The server ends a stream after its maximum lifetime, with a 'retry' hint: reconnect with Last-Event-ID. "
                    + "One client address may hold a limited number of streams open at once (429 beyond it). "
                    + "The stream is public: events of internal incidents are left out, and incident events carry no actor "
                    + "(nor, for incident.published, the title the incident had while internal).",
            responses = @ApiResponse(responseCode = "200", description = "the stream",
                    content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string"))))
    @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                @Parameter(description = "resume after this event id, for clients that cannot send Last-Event-ID")
                @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        String address = addresses.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
        SseSink sink = new SseSink();
        // Refused here, before the response turns asynchronous, a subscription is answered by the handlers below.
        EventStream.Subscription subscription = stream.subscribe(address, lastEventId != null ? lastEventId : lastEventIdParameter, sink);
        AsyncContext async;
        try {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
            response.setCharacterEncoding("UTF-8");
            // Never cached, and passed on as written: every proxy must go back to the origin for a stream.
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            // Proxies that buffer responses (nginx) pass the stream through as it is written.
            response.setHeader("X-Accel-Buffering", "no");
            // The container's own request and response: written directly, not through the framework's wrapper for its own async handling.
            async = request.startAsync();
            // No container timeout: the stream's own lifetime ends it.
            async.setTimeout(0);
        } catch (RuntimeException e) {
            subscription.cancel();
            throw e;
        }
        try {
            sink.start(async, subscription);
        } catch (IOException | RuntimeException e) {
            log.debug("Stream client went away while its stream started: {}", e.toString());
            subscription.cancel();
            sink.close();
        }
    }

    @ExceptionHandler(TooManyClients.class)
    ResponseEntity<ProblemDetail> tooManyClients(TooManyClients e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(Problems.type("temporarily-unavailable"));
        problem.setTitle("Try again shortly");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, settings.reconnectDelay().toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(TooManyClientsFromAddress.class)
    ResponseEntity<ProblemDetail> tooManyClientsFromAddress(TooManyClientsFromAddress e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setType(Problems.type("too-many-streams"));
        problem.setTitle("Too many streams from this address");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, settings.reconnectDelay().toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
