package io.sitrep.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A webhook receiver on 127.0.0.1 for tests: records every request, and answers from a script of
 * statuses (then 200), or hangs until closed.
 */
public final class Receiver implements AutoCloseable {

    /** One request as received. */
    public record Request(Instant at, Map<String, List<String>> headers, String body, String path) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        public HttpHeaders httpHeaders() {
            return HttpHeaders.of(headers, (a, b) -> true);
        }
    }

    /** An answer: a status, headers, and a body (empty when null). */
    public record Answer(int status, Map<String, String> headers, String body) {

        public Answer(int status, Map<String, String> headers) {
            this(status, headers, null);
        }

        public static Answer of(int status) {
            return new Answer(status, Map.of());
        }

        /** A status with a body, as chat services explain their refusals. */
        public static Answer of(int status, String body) {
            return new Answer(status, Map.of(), body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Answer afterScript = Answer.of(200);
    private volatile boolean hang;

    private Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static Receiver start() {
        return new Receiver();
    }

    public String url() {
        return url("/hooks/sitrep");
    }

    /** The receiver's URL with this path; it answers on every path. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers these statuses, one per request, then {@link #answerAlways}'s (200 unless changed). */
    public Receiver answer(int... statuses) {
        for (int status : statuses) {
            script.add(Answer.of(status));
        }
        return this;
    }

    public Receiver answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    public Receiver answerAlways(int status) {
        afterScript = Answer.of(status);
        return this;
    }

    /** Never answers: every request waits until the receiver is closed. */
    public Receiver hang() {
        hang = true;
        return this;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** Waits for {@code count} requests, and returns them all. */
    public List<Request> awaitRequests(int count, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> requests.size() >= count);
        return requests();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(Instant.now(), Map.copyOf(exchange.getRequestHeaders()), body,
                exchange.getRequestURI().getRawPath()));
        if (hang) {
            try {
                closed.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        Answer answer = script.poll();
        if (answer == null) {
            answer = afterScript;
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
        } else {
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
