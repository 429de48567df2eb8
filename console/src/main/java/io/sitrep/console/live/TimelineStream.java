package io.sitrep.console.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The console's one connection to timeline-service's {@code /api/v1/stream}, however many browsers show Now: every
 * event it sends (any {@code event:} line; heartbeats are comments) and every (re)connection, which may follow missed
 * events, become {@link Browsers#changed()}. The stream leaves out internal incidents' events; the console's own
 * commands signal those itself, and {@link TriageWatch} notices the others. One thread reads; after the stream ends or fails it connects again after
 * {@code reconnect-delay}, scheduled, not slept. Stopping closes the connection and ends the thread.
 */
public class TimelineStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TimelineStream.class);

    /** The longest line read from the stream; an event's JSON is far shorter, so a longer line is cut, not kept. */
    static final int MAX_LINE = 1 << 20;

    private final URI stream;
    private final String key;
    private final Duration connectTimeout;
    private final Duration reconnectDelay;
    private final Browsers browsers;
    private final HttpClient http;
    /** Made at each start, so that a stopped context can start again. */
    private volatile ScheduledExecutorService reader;
    private volatile boolean running;
    private volatile InputStream current;

    public TimelineStream(URI timeline, String key, Duration connectTimeout, Duration reconnectDelay, Browsers browsers) {
        this.stream = timeline.resolve("/api/v1/stream");
        this.key = key;
        this.connectTimeout = connectTimeout;
        this.reconnectDelay = reconnectDelay;
        this.browsers = browsers;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    private void listen(ScheduledExecutorService reader) {
        if (!running || reader != this.reader) {
            return;
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").GET();
            if (!key.isBlank()) {
                request.header("Authorization", "Bearer " + key);
            }
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                current = body;
                if (response.statusCode() != 200) {
                    log.info("timeline-service refused the live stream with {}; trying again in {}", response.statusCode(), reconnectDelay);
                } else {
                    log.debug("Connected to timeline-service's live stream");
                    // Whatever happened while not connected counts as a change.
                    browsers.changed();
                    read(body);
                }
            }
        } catch (IOException e) {
            if (running) {
                log.info("timeline-service's live stream ended ({}); connecting again in {}", e.getClass().getSimpleName(), reconnectDelay);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            current = null;
        }
        if (running && !reader.isShutdown()) {
            try {
                reader.schedule(() -> listen(reader), reconnectDelay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // Stopped meanwhile.
            }
        }
    }

    private void read(InputStream body) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        StringBuilder line = new StringBuilder();
        int c;
        while (running && (c = lines.read()) >= 0) {
            if (c == '\n') {
                if (line.length() >= 6 && line.substring(0, 6).equals("event:")) {
                    browsers.changed();
                }
                line.setLength(0);
            } else if (line.length() < MAX_LINE && c != '\r') {
                line.append((char) c);
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService thread = LiveThread.start("console-timeline-stream");
        reader = thread;
        running = true;
        thread.execute(() -> listen(thread));
    }

    @Override
    public void stop() {
        running = false;
        InputStream body = current;
        if (body != null) {
            try {
                body.close();
            } catch (IOException ignored) {
                // Closing only ends the read.
            }
        }
        LiveThread.stop(reader, connectTimeout.plusSeconds(1), log);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the browsers do, and both before the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
