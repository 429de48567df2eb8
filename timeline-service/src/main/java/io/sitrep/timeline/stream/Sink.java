package io.sitrep.timeline.stream;

import java.io.IOException;

/** Where one client's events go: an SSE response. Only the client's own sender thread calls it. */
public interface Sink {

    void send(StreamEvent event) throws IOException;

    /** Sends an SSE comment, e.g. a heartbeat. */
    void comment(String text) throws IOException;

    /** Ends the response; the client may reconnect and resume. */
    void close();
}
