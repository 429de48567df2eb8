package io.sitrep.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The read storm's readers against the JDK's server: full answers, revalidation, reconnections, refusals. */
class ReadersTest {

    private static final byte[] PAGE = "<html>the page</html>".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private final AtomicInteger revalidations = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger gzipAsked = new AtomicInteger();
    private int port;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.incrementAndGet();
                if ("gzip".equals(exchange.getRequestHeaders().getFirst("Accept-Encoding"))) {
                    gzipAsked.incrementAndGet();
                }
                exchange.getResponseHeaders().add("ETag", "\"v1\"");
                if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    revalidations.incrementAndGet();
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, PAGE.length);
                exchange.getResponseBody().write(PAGE);
            }
        });
        server.createContext("/once", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Connection", "close");
                exchange.sendResponseHeaders(200, PAGE.length);
                exchange.getResponseBody().write(PAGE);
            }
        });
        server.createContext("/missing", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(404, -1);
            }
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readersTakingFullAnswersCountEveryBodyAndAskForGzip() {
        Readers.Outcome outcome = Readers.run("127.0.0.1", port, List.of("/", "/api/v2/summary.json"), 4, Duration.ofMillis(500),
                new Readers.Mode(false, true));

        assertThat(outcome.full()).isGreaterThan(10);
        assertThat(outcome.notModified()).isZero();
        assertThat(outcome.failed()).isZero();
        assertThat(outcome.bodyBytes()).isEqualTo(outcome.full() * PAGE.length);
        assertThat(outcome.latency().count()).isEqualTo(outcome.answers());
        assertThat(gzipAsked.get()).isPositive();
        assertThat(revalidations.get()).isZero();
    }

    @Test
    void revalidatingReadersSendTheTagTheyLastGotAndCountTheNotModifiedAnswers() {
        Readers.Outcome outcome = Readers.run("127.0.0.1", port, List.of("/", "/api/v2/summary.json"), 3, Duration.ofMillis(500),
                new Readers.Mode(true, false));

        // Each reader gets each of its two paths once in full, then only 304s.
        assertThat(outcome.full()).isEqualTo(6);
        // The server may have answered each reader's last request after the run ended, uncounted: at most one per reader.
        assertThat(outcome.notModified()).isBetween(revalidations.get() - 3L, (long) revalidations.get()).isGreaterThan(10);
        assertThat(outcome.notModifiedShare()).isGreaterThan(0.5);
        assertThat(outcome.failed()).isZero();
        assertThat(gzipAsked.get()).isZero();
    }

    @Test
    void aServerThatClosesAfterEachAnswerIsReconnectedWithoutFailures() {
        Readers.Outcome outcome = Readers.run("127.0.0.1", port, List.of("/once"), 2, Duration.ofMillis(500), new Readers.Mode(false, false));

        assertThat(outcome.full()).isGreaterThan(4);
        assertThat(outcome.reconnects()).isGreaterThanOrEqualTo(outcome.full() - 2);
        assertThat(outcome.failed()).isZero();
    }

    @Test
    void answersOtherThan200And304CountAsFailedAndTheReadersGoOn() {
        Readers.Outcome outcome = Readers.run("127.0.0.1", port, List.of("/missing", "/"), 1, Duration.ofMillis(300), new Readers.Mode(false, false));

        assertThat(outcome.failed()).isPositive();
        assertThat(outcome.full()).isPositive();
        assertThat(requests.get()).isEqualTo(outcome.full());
    }
}
