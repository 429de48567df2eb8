package io.sitrep.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness's own HTTP client against the JDK's server: lengths, chunks, kept-alive and closed connections. */
class HttpTest {

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private String base;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization")
                        + " " + exchange.getRequestHeaders().getFirst("Prefer") + " " + body);
                byte[] answer = ("{\"got\":\"" + body.length() + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("ETag", "\"7\"");
                exchange.sendResponseHeaders(201, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.createContext("/chunked", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                for (int i = 0; i < 3; i++) {
                    out.write(("part" + i + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.createContext("/empty", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(404, -1);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsTheKeyBodyAndHeadersAndReadsStatusBodyAndETag() {
        Http http = new Http("secret");

        Http.Response response = http.post(base + "/echo?x=1", "{\"a\":1}", "Prefer", "return=minimal");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"got\":\"7\"}");
        assertThat(response.version()).isEqualTo(7);
        assertThat(seen).containsExactly("POST /echo?x=1 Bearer secret return=minimal {\"a\":1}");
    }

    @Test
    void readsChunkedAndEmptyBodiesOnOneKeptAliveConnection() {
        Http http = new Http("secret");

        Http.Response chunked = http.get(base + "/chunked");
        Http.Response empty = http.get(base + "/empty");
        Http.Response again = http.get(base + "/chunked");

        assertThat(chunked.status()).isEqualTo(200);
        assertThat(chunked.body()).isEqualTo("part0\npart1\npart2\n");
        assertThat(empty.status()).isEqualTo(404);
        assertThat(empty.body()).isEmpty();
        assertThat(again.body()).isEqualTo(chunked.body());
    }

    @Test
    void aKeptAliveConnectionTheServerDroppedIsReplacedTransparently() throws Exception {
        // A server that answers each connection once and closes it without saying so, as an idle timeout does.
        try (ServerSocket oneShot = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            answerEachConnectionOnce(oneShot, new CountDownLatch(0));
            Http http = new Http("secret");
            String url = "http://127.0.0.1:" + oneShot.getLocalPort() + "/";

            Http.Response first = http.get(url);
            Http.Response second = http.get(url);

            assertThat(first.body()).isEqualTo("ok");
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.body()).isEqualTo("ok");
        }
    }

    @Test
    void whenEveryKeptAliveConnectionWasDroppedTheRetryOpensANewOne() throws Exception {
        // Two requests at once leave two idle connections, which the server then drops, as after a quiet minute.
        CountDownLatch bothArrived = new CountDownLatch(2);
        try (ServerSocket dropping = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            answerEachConnectionOnce(dropping, bothArrived);
            Http http = new Http("secret");
            String url = "http://127.0.0.1:" + dropping.getLocalPort() + "/";
            CompletableFuture<Http.Response> one = CompletableFuture.supplyAsync(() -> http.get(url));
            CompletableFuture<Http.Response> two = CompletableFuture.supplyAsync(() -> http.get(url));
            assertThat(List.of(one.get(10, TimeUnit.SECONDS).status(), two.get(10, TimeUnit.SECONDS).status())).containsOnly(200);

            Http.Response after = http.get(url);

            assertThat(after.status()).isEqualTo(200);
            assertThat(after.body()).isEqualTo("ok");
        }
    }

    /**
     * Serves until the socket closes: each connection, on a thread of its own, gets one answer once
     * {@code arrived} is down (each request counts it down) and is then closed without a word.
     */
    private static void answerEachConnectionOnce(ServerSocket server, CountDownLatch arrived) {
        Thread accepting = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread answering = new Thread(() -> answerOnceAndClose(socket, arrived));
                    answering.setDaemon(true);
                    answering.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        accepting.setDaemon(true);
        accepting.start();
    }

    /** Reads one request head, waits until {@code arrived} is down (when it is not already), answers and closes. */
    private static void answerOnceAndClose(Socket socket, CountDownLatch arrived) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                // the request head; GETs have no body
            }
            arrived.countDown();
            arrived.await(10, TimeUnit.SECONDS);
            socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        } catch (IOException | InterruptedException gone) {
            // the test is over
        }
    }

    @Test
    void anUnreachableServerIsAnAnswerOfMinusOne() {
        server.stop(0);

        assertThat(new Http("secret").get(base + "/empty").status()).isEqualTo(-1);
    }
}
