package io.sitrep.console.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sitrep.console.Browserless;
import io.sitrep.console.ConsoleIntegrationTest;
import io.sitrep.console.account.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live Now against a stand-in timeline-service on loopback whose stream the test writes to: the console keeps one
 * connection to it however many browsers listen, tells each browser "changed" when an event comes, holds at most
 * {@code max-browsers}, and serves the screen's lists alone for the script to swap in.
 */
@TestPropertySource(properties = {
        "sitrep.console.live.max-browsers=2",
        "sitrep.console.live.coalesce=20ms",
        "sitrep.console.live.heartbeat-interval=200ms",
        "sitrep.console.live.reconnect-delay=200ms",
        "sitrep.console.live.triage-interval=100ms",
})
class LiveNowIT extends ConsoleIntegrationTest {

    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static final List<OutputStream> STREAMS = new CopyOnWriteArrayList<>();
    private static final HttpServer TIMELINE_SERVICE = start();
    /** The internal open incidents the stand-in lists besides its public one, as JSON array items (a leading comma each). */
    private static volatile String internal = "";

    private final List<HttpResponse<Stream<String>>> listening = new ArrayList<>();

    @Autowired
    Browsers browsers;

    @Autowired
    TriageWatch triageWatch;

    @DynamicPropertySource
    static void timelineService(DynamicPropertyRegistry properties) {
        properties.add("sitrep.console.api.timeline-url", () -> "http://127.0.0.1:" + TIMELINE_SERVICE.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        TIMELINE_SERVICE.stop(0);
    }

    @AfterEach
    void hangUp() {
        internal = "";
        listening.forEach(response -> response.body().close());
        // The console learns of a closed connection at its next heartbeat.
        await().atMost(Duration.ofSeconds(10)).until(() -> browsers.size() == 0);
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/api/v1/stream", LiveNowIT::stream);
            server.createContext("/", LiveNowIT::lists);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stream(HttpExchange exchange) throws IOException {
        CONNECTIONS.incrementAndGet();
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        body.write(":connected\n\n".getBytes(StandardCharsets.UTF_8));
        body.flush();
        // Kept open: the test writes events to it.
        STREAMS.add(body);
    }

    private static void lists(HttpExchange exchange) throws IOException {
        String answer = exchange.getRequestURI().getPath().equals("/api/v1/incidents")
                ? "{\"items\":[{\"id\":\"5b1d8f0e-0c43-4d6c-9a51-3c2f3e5d6a7b\",\"title\":\"Search slow\",\"status\":\"investigating\","
                + "\"impact\":\"minor\",\"visibility\":\"public\",\"updatedAt\":\"2026-12-01T09:00:00Z\",\"components\":[]}" + internal + "]}"
                : "{\"items\":[]}";
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void send(String event) throws IOException {
        for (OutputStream stream : STREAMS) {
            stream.write(("event: " + event + "\nid: 1\ndata: {}\n\n").getBytes(StandardCharsets.UTF_8));
            stream.flush();
        }
    }

    private HttpResponse<Stream<String>> listen(Browserless browser) {
        HttpResponse<Stream<String>> response = browser.lines("/now/events");
        listening.add(response);
        return response;
    }

    private static CompletableFuture<Boolean> changed(HttpResponse<Stream<String>> response) {
        return CompletableFuture.supplyAsync(() -> response.body().anyMatch("event:changed"::equals));
    }

    @Test
    void relaysAnEventOfTheOneUpstreamConnectionToEveryBrowserAsChanged() throws IOException {
        await().atMost(Duration.ofSeconds(10)).until(() -> STREAMS.size() == 1);
        Browserless first = browser();
        first.signIn(anAccount(Role.VIEWER), PASSWORD);
        Browserless second = browser();
        second.signIn(anAccount(Role.RESPONDER), PASSWORD);
        HttpResponse<Stream<String>> firstEvents = listen(first);
        HttpResponse<Stream<String>> secondEvents = listen(second);
        CompletableFuture<Boolean> firstHears = changed(firstEvents);
        CompletableFuture<Boolean> secondHears = changed(secondEvents);
        await().atMost(Duration.ofSeconds(10)).until(() -> browsers.size() == 2);

        send("incident.updated");

        await().atMost(Duration.ofSeconds(10)).until(() -> firstHears.isDone() && secondHears.isDone());
        assertThat(firstHears.join()).isTrue();
        assertThat(secondHears.join()).isTrue();
        assertThat(firstEvents.statusCode()).isEqualTo(200);
        assertThat(firstEvents.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(CONNECTIONS.get()).isEqualTo(1);
    }

    @Test
    void tellsEveryBrowserOfAnInternalIncidentTheStreamLeavesOut() {
        await().atMost(Duration.ofSeconds(10)).until(() -> STREAMS.size() == 1);
        Browserless person = browser();
        person.signIn(anAccount(Role.RESPONDER), PASSWORD);
        HttpResponse<Stream<String>> events = listen(person);
        CompletableFuture<Boolean> hears = changed(events);
        await().atMost(Duration.ofSeconds(10)).until(() -> browsers.size() == 1 && triageWatch.watching());

        // issue 18: an alert opens an internal incident; timeline-service's stream says nothing of it.
        internal = ",{\"id\":\"0f1e2d3c-4b5a-4968-8776-655443322110\",\"title\":\"Disk full on db-2\",\"status\":\"investigating\","
                + "\"impact\":\"major\",\"visibility\":\"internal\",\"updatedAt\":\"2026-12-01T09:05:00Z\",\"components\":[]}";

        await().atMost(Duration.ofSeconds(10)).until(hears::isDone);
        assertThat(hears.join()).isTrue();
        assertThat(person.get("/now/lists").body()).contains("Disk full on db-2");
    }

    @Test
    void refusesBrowsersBeyondTheLimitUntilOneLeaves() {
        Browserless person = browser();
        person.signIn(anAccount(Role.VIEWER), PASSWORD);
        listen(person);
        listen(person);
        await().atMost(Duration.ofSeconds(10)).until(() -> browsers.size() == 2);

        HttpResponse<String> third = person.get("/now/events");

        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void servesNoEventsToSomeoneSignedOut() {
        HttpResponse<String> events = browser().get("/now/events");

        assertThat(events.statusCode()).isEqualTo(302);
        assertThat(Browserless.location(events)).isEqualTo("/sign-in");
        assertThat(browsers.size()).isZero();
    }

    @Test
    void servesTheNowListsAloneForTheScriptToSwapIn() {
        Browserless person = browser();
        person.signIn(anAccount(Role.VIEWER), PASSWORD);

        String screen = person.get("/").body();
        HttpResponse<String> lists = person.get("/now/lists");

        assertThat(screen).contains("id=\"now-live\"", "data-events=\"/now/events\"", "<script src=\"/console.js\" defer></script>", "Search slow");
        assertThat(lists.statusCode()).isEqualTo(200);
        assertThat(lists.body()).contains("Open incidents (1)", "Search slow").doesNotContain("<html", "<h1>");
    }
}
