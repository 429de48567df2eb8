package io.sitrep.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the services on loopback: it answers each method and path as a test tells it (as the OpenAPI
 * descriptions say the services answer), a 404 problem otherwise (or the test's own answer for every other request),
 * and records every request it was sent as {@code METHOD /path?query actor=… if-match=… body}.
 */
public final class StandInApi implements AutoCloseable {

    private record Answer(int status, String body) {
    }

    private record Conditional(String containing, Answer answer) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, List<Conditional>> conditionals = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile Answer otherwise;

    private StandInApi(HttpServer server) {
        this.server = server;
    }

    public static StandInApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StandInApi api = new StandInApi(server);
            server.createContext("/", api::answer);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} (the path without its query) with this status and JSON body from now on. */
    public void answer(String method, String path, int status, String json) {
        answers.put(method + " " + path, new Answer(status, json));
    }

    /**
     * Answers {@code method path} with this status and JSON body when the request's query or body contains this text;
     * such answers are tried in the order they were given, before the one {@link #answer(String, String, int, String)} gave.
     */
    public void answerWhen(String method, String path, String containing, int status, String json) {
        conditionals.computeIfAbsent(method + " " + path, key -> new CopyOnWriteArrayList<>()).add(new Conditional(containing, new Answer(status, json)));
    }

    /** Answers every request nothing else answers with this status and JSON body, instead of a 404 problem. */
    public void answerOtherwise(int status, String json) {
        otherwise = new Answer(status, json);
    }

    /** Forgets the requests received so far. */
    public void forget() {
        received.clear();
    }

    /** Every request received so far, oldest first. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** The requests received for this method and path (with its query, if any, after it). */
    public List<String> received(String method, String path) {
        return received.stream().filter(r -> r.startsWith(method + " " + path + " ") || r.startsWith(method + " " + path + "?")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        received.add(method + " " + exchange.getRequestURI() + " actor=" + exchange.getRequestHeaders().getFirst("Sitrep-Actor")
                + " if-match=" + exchange.getRequestHeaders().getFirst("If-Match") + " " + body);
        Answer answer = conditionals.getOrDefault(method + " " + path, List.of()).stream()
                .filter(conditional -> query.contains(conditional.containing()) || body.contains(conditional.containing()))
                .map(Conditional::answer)
                .findFirst()
                .orElseGet(() -> answers.getOrDefault(method + " " + path, otherwise != null ? otherwise : new Answer(404,
                        "{\"type\":\"urn:sitrep:problem:not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"" + path + " is not known\"}")));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
        // An empty body (a 204) is sent without one.
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
