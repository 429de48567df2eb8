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
import java.util.concurrent.CopyOnWriteArrayList;

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
            Thread serving = new Thread(() -> {
                while (!oneShot.isClosed()) {
                    try (Socket socket = oneShot.accept()) {
                        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                            // the request head; GETs have no body
                        }
                        socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                        socket.getOutputStream().flush();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            serving.setDaemon(true);
            serving.start();
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
    void anUnreachableServerIsAnAnswerOfMinusOne() {
        server.stop(0);

        assertThat(new Http("secret").get(base + "/empty").status()).isEqualTo(-1);
    }
}
