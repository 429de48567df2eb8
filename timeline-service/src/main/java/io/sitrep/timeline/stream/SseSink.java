package io.sitrep.timeline.stream;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A client's SSE response, written with the Servlet API's non-blocking I/O: no thread waits for a
 * client that reads slowly. The container tells it when the response can take more ({@link WriteListener}),
 * and when the request ends for any reason, the client going away included ({@link AsyncListener}): the
 * stream then frees the client's slot at once.
 */
final class SseSink implements Sink, WriteListener, AsyncListener {

    private static final Logger log = LoggerFactory.getLogger(SseSink.class);

    private volatile AsyncContext async;
    private volatile ServletOutputStream out;
    private volatile EventStream.Subscription subscription;
    private volatile boolean started;
    private volatile boolean ended;
    private final AtomicBoolean completed = new AtomicBoolean();

    /** Starts writing to the asynchronous response for this subscription; the container calls back when it is writable. */
    void start(AsyncContext async, EventStream.Subscription subscription) throws IOException {
        this.subscription = subscription;
        this.out = async.getResponse().getOutputStream();
        this.async = async;
        async.addListener(this);
        if (ended) {
            // Cancelled before it started.
            complete();
            return;
        }
        out.setWriteListener(this);
    }

    @Override
    public boolean ready() {
        return started && !ended && out.isReady();
    }

    @Override
    public void send(StreamEvent event) throws IOException {
        StringBuilder frame = new StringBuilder(event.data().length() + 96);
        frame.append("event:").append(line(event.name())).append('\n');
        if (event.id() != null) {
            frame.append("id:").append(line(event.id())).append('\n');
        }
        for (String data : event.data().split("\r\n|\r|\n", -1)) {
            frame.append("data:").append(data).append('\n');
        }
        write(frame.append('\n'));
    }

    @Override
    public void comment(String text) throws IOException {
        write(new StringBuilder(":").append(line(text)).append("\n\n"));
    }

    @Override
    public void retry(Duration delay) throws IOException {
        write(new StringBuilder("retry:").append(delay.toMillis()).append("\n\n"));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() {
        ended = true;
        if (async != null) {
            complete();
        }
    }

    private void complete() {
        if (completed.compareAndSet(false, true)) {
            try {
                async.complete();
            } catch (RuntimeException e) {
                // The request is over already.
            }
        }
    }

    private void write(CharSequence frame) throws IOException {
        out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A field's value on one line: a line break would end the field early. */
    private static String line(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }

    @Override
    public void onWritePossible() {
        started = true;
        notify(EventStream.Subscription::writable);
    }

    @Override
    public void onError(Throwable error) {
        log.debug("Stream response failed: {}", error.toString());
        ended();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        log.trace("Stream response completed");
        ended();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        ended();
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        log.debug("Stream request failed: {}", String.valueOf(event.getThrowable()));
        ended();
        close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Not restarted.
    }

    private void ended() {
        ended = true;
        notify(EventStream.Subscription::cancel);
    }

    private void notify(Consumer<EventStream.Subscription> call) {
        EventStream.Subscription current = subscription;
        if (current != null) {
            call.accept(current);
        }
    }
}
