package io.sitrep.timeline.stream;

import java.io.IOException;
import java.time.Duration;

/**
 * Where one client's events go: an SSE response written without blocking. A write is only made while
 * {@link #ready()} says so; when it says no, the sink calls {@link EventStream.Subscription#writable()}
 * once it can take more. Calls come from one thread at a time.
 */
public interface Sink {

    /** Whether a write now completes without waiting for the client; false until the response is ready to write at all. */
    boolean ready();

    void send(StreamEvent event) throws IOException;

    /** Sends an SSE comment, e.g. a heartbeat. */
    void comment(String text) throws IOException;

    /** Tells the client how long to wait before reconnecting. */
    void retry(Duration delay) throws IOException;

    /** Pushes what was written to the client. */
    void flush() throws IOException;

    /** Ends the response; the client may reconnect and resume. */
    void close();
}
