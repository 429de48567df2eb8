package io.sitrep.timeline.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.sitrep.support.web.Problems;
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
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;

/** {@code GET /api/v1/stream}: every applied event as Server-Sent Events. */
@RestController
class StreamController {

    private final EventStream stream;
    private final StreamSettings settings;

    StreamController(EventStream stream, StreamSettings settings) {
        this.stream = stream;
        this.settings = settings;
    }

    @Operation(operationId = "streamEvents",
            summary = "Every applied event as Server-Sent Events: event = type, id = event id, data = the event's JSON",
            description = "Resumes after Last-Event-ID (header, or the lastEventId parameter) from a buffer of recent events; when that "
                    + "event is no longer buffered, a 'sitrep.resync' event comes first. Heartbeat comments keep the connection alive.",
            responses = @ApiResponse(responseCode = "200", description = "the stream",
                    content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string"))))
    @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @Parameter(description = "resume after this event id, for clients that cannot send Last-Event-ID")
                      @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) throws IOException {
        SseEmitter emitter = new SseEmitter(0L);
        emitter.send(SseEmitter.event().reconnectTime(settings.reconnectDelay().toMillis()).comment("connected"));
        EventStream.Subscription subscription = stream.subscribe(lastEventId != null ? lastEventId : lastEventIdParameter,
                new SseSink(emitter));
        emitter.onCompletion(subscription::cancel);
        emitter.onTimeout(subscription::cancel);
        emitter.onError(error -> subscription.cancel());
        return emitter;
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
}
