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
 * descriptions say the services answer), a 404 problem otherwise, and records every request it was sent as
 * {@code METHOD /path?query actor=… if-match=… body}.
 */
public final class StandInApi implements AutoCloseable {

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();

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
        received.add(method + " " + exchange.getRequestURI() + " actor=" + exchange.getRequestHeaders().getFirst("Sitrep-Actor")
                + " if-match=" + exchange.getRequestHeaders().getFirst("If-Match") + " " + body);
        Answer answer = answers.getOrDefault(method + " " + path, new Answer(404,
                "{\"type\":\"urn:sitrep:problem:not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"" + path + " is not known\"}"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
