package io.sitrep.timeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/** A Server-Sent Events client for tests: records every event and comment it receives. */
public final class SseClient implements AutoCloseable {

    /** One received event. */
    public record Event(String id, String name, String data) {
    }

    /** Each client reads its stream on a thread of its own: the common pool may have a single thread, which one stream would hold. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "sse-test-reader");
        thread.setDaemon(true);
        return thread;
    });

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    /**
     * Held for as long as the stream is: the JDK closes the connections of a client that is no longer referenced,
     * which would end a stream the test still counts as open.
     */
    private final HttpClient http;
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;
    private volatile String contentType;

    private volatile String retryAfter;

    private SseClient(String url, String lastEventId, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        headers.forEach(request::header);
        // A client of its own: a stream never shares a connection with another, nor is closed along with one.
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(READERS).build();
        response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            status = r.statusCode();
            contentType = r.headers().firstValue("Content-Type").orElse("");
            retryAfter = r.headers().firstValue("Retry-After").orElse(null);
            read(r.body());
        }, READERS);
    }

    /** Connects and waits for the response headers. */
    public static SseClient connect(String url, String lastEventId) {
        return connect(url, lastEventId, Map.of());
    }

    /** Connects with these request headers, e.g. {@code X-Forwarded-For}, and waits for the response headers. */
    public static SseClient connect(String url, String lastEventId, Map<String, String> headers) {
        SseClient client = new SseClient(url, lastEventId, headers);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.status != 0);
        return client;
    }

    private void read(Stream<String> lines) {
        String[] current = new String[3];
        StringBuilder data = new StringBuilder();
        try {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (current[1] != null || !data.isEmpty()) {
                        events.add(new Event(current[0], current[1], data.toString()));
                    }
                    current[0] = null;
                    current[1] = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                } else if (line.startsWith("id:")) {
                    current[0] = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    current[1] = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                }
            });
        } catch (RuntimeException e) {
            // closed
        }
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public String retryAfter() {
        return retryAfter;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** Waits until an event with this id arrived, and returns it. */
    public Event awaitEvent(String id, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> events.stream().anyMatch(e -> id.equals(e.id())));
        return events.stream().filter(e -> id.equals(e.id())).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
