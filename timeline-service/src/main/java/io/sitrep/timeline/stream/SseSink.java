package io.sitrep.timeline.stream;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;

/** A client's SSE response. */
final class SseSink implements Sink {

    private final SseEmitter emitter;

    SseSink(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void send(StreamEvent event) throws IOException {
        SseEmitter.SseEventBuilder builder = SseEmitter.event().name(event.name()).data(event.data(), MediaType.APPLICATION_JSON);
        if (event.id() != null) {
            builder.id(event.id());
        }
        emitter.send(builder);
    }

    @Override
    public void comment(String text) throws IOException {
        emitter.send(SseEmitter.event().comment(text));
    }

    @Override
    public void close() {
        try {
            emitter.complete();
        } catch (RuntimeException e) {
            // The response is gone already.
        }
    }
}
