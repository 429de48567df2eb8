package io.sitrep.console.incident;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sitrep.console.Browserless;
import io.sitrep.console.ConsoleIntegrationTest;
import io.sitrep.console.account.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The postmortem screen, the Markdown previews and the deleted notice, with incident-service stood in for by a server on
 * loopback that answers as the OpenAPI description says (a resolved incident with a published postmortem) and records
 * the commands it was sent.
 */
class PostmortemIT extends ConsoleIntegrationTest {

    private static final String ID = "0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a";
    /** An incident still open, with no postmortem. */
    private static final String OPEN_ID = "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d";
    private static final List<String> COMMANDS = new CopyOnWriteArrayList<>();
    private static final HttpServer INCIDENT_SERVICE = start();

    @DynamicPropertySource
    static void incidentService(DynamicPropertyRegistry properties) {
        properties.add("sitrep.console.api.incident-url", () -> "http://127.0.0.1:" + INCIDENT_SERVICE.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        INCIDENT_SERVICE.stop(0);
    }

    @BeforeEach
    void forget() {
        COMMANDS.clear();
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", PostmortemIT::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!exchange.getRequestMethod().equals("GET")) {
            COMMANDS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " actor=" + exchange.getRequestHeaders().getFirst("Sitrep-Actor")
                    + " if-match=" + exchange.getRequestHeaders().getFirst("If-Match") + " " + body);
        }
        String path = exchange.getRequestURI().getPath();
        String answer = path.equals("/api/v1/components") ? "[]" : path.startsWith("/api/v1/incidents/" + OPEN_ID) ? """
                {"id":"%s","title":"Search slow","status":"identified","impact":"minor","visibility":"public","version":4,
                 "components":[],"updates":[],"postmortem":null}""".formatted(OPEN_ID) : """
                {"id":"%s","title":"Checkout down","status":"resolved","impact":"major","visibility":"public","version":5,
                 "components":[],"updates":[{"id":"11111111-2222-4333-8444-555555555555","version":1,"status":"resolved","impact":"major",
                 "message":"Fixed","occurredAt":"2026-12-01T09:00:00Z","componentChanges":[],"actor":"ada"}],
                 "postmortem":{"revision":1,"body":"The **first** draft","publishedAt":"2026-12-01T10:00:00Z"}}""".formatted(ID);
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void showsThePublishedPostmortemRenderedAndLinksToItsRevision() {
        Browserless responder = browser();
        responder.signIn(anAccount(Role.RESPONDER), PASSWORD);

        String incident = responder.get("/incidents/" + ID).body();
        String screen = responder.get("/incidents/" + ID + "/postmortem").body();

        assertThat(incident).contains("id=\"postmortem\"", "The <strong>first</strong> draft", "href=\"/incidents/" + ID + "/postmortem\"");
        assertThat(screen).contains("id=\"postmortem-form\"", ">The **first** draft</textarea>", "name=\"version\" value=\"5\"",
                "Publish this revision");
    }

    @Test
    void previewsThePostmortemByTheStatusPagesRulesWithoutPublishingIt() {
        Browserless responder = browser();
        responder.signIn(anAccount(Role.RESPONDER), PASSWORD);
        responder.get("/incidents/" + ID + "/postmortem");

        HttpResponse<String> preview = responder.post("/incidents/" + ID + "/postmortem",
                Map.of("version", "5", "preview", "body", "body", "# Cause\n\nA **bad** deploy <script>alert(1)</script>"));

        assertThat(preview.statusCode()).isEqualTo(200);
        // Headings start at h3 and raw HTML is dropped, as on the status page; the textarea keeps what was typed.
        assertThat(preview.body()).contains("<h3>Cause</h3>", "A <strong>bad</strong> deploy", "id=\"postmortem-preview\"",
                "&lt;script&gt;alert(1)&lt;/script&gt;</textarea>").doesNotContain("<script>alert");
        assertThat(COMMANDS).isEmpty();
    }

    @Test
    void publishesThePostmortemAsThePersonOnTheVersionTheScreenShowed() {
        String name = anAccount(Role.RESPONDER);
        Browserless responder = browser();
        responder.signIn(name, PASSWORD);
        responder.get("/incidents/" + ID + "/postmortem");

        HttpResponse<String> published = responder.post("/incidents/" + ID + "/postmortem", Map.of("version", "5", "body", "  The root cause  "));

        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(Browserless.location(published)).isEqualTo("/incidents/" + ID);
        assertThat(COMMANDS).containsExactly("PUT /api/v1/incidents/" + ID + "/postmortem actor=" + name + " if-match=\"5\" {\"body\":\"The root cause\"}");
    }

    @Test
    void refusesAViewerThePostmortemScreenAndItsPost() {
        Browserless viewer = browser();
        viewer.signIn(anAccount(Role.VIEWER), PASSWORD);
        viewer.get("/");

        HttpResponse<String> screen = viewer.get("/incidents/" + ID + "/postmortem");
        HttpResponse<String> post = viewer.post("/incidents/" + ID + "/postmortem", Map.of("version", "5", "body", "Mine"));

        assertThat(screen.statusCode()).isEqualTo(403);
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(viewer.get("/incidents/" + ID).body()).doesNotContain("id=\"write-postmortem\"");
        assertThat(COMMANDS).isEmpty();
    }

    @Test
    void previewsAnUpdatesMessageKeepingTheFormAndTheVersionItWasMadeFor() {
        Browserless responder = browser();
        responder.signIn(anAccount(Role.RESPONDER), PASSWORD);
        responder.get("/incidents/" + OPEN_ID);

        HttpResponse<String> preview = responder.post("/incidents/" + OPEN_ID + "/updates",
                Map.of("version", "4", "action", "update", "preview", "message", "status", "monitoring", "message", "Rolled **back**"));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"update-message-preview\"", "Rolled <strong>back</strong>", ">Rolled **back**</textarea>",
                "<option value=\"monitoring\" selected>");
        assertThat(preview.body()).containsPattern("id=\"update-form\"[^>]*>\\s*<input[^>]*>\\s*<input type=\"hidden\" name=\"version\" value=\"4\">");
        assertThat(COMMANDS).isEmpty();
    }

    @Test
    void previewsMarkdownForTheScriptAsTheStatusPageRendersIt() {
        Browserless responder = browser();
        responder.signIn(anAccount(Role.RESPONDER), PASSWORD);
        responder.get("/incidents/" + ID);

        HttpResponse<String> preview = responder.post("/preview", Map.of("markdown", "[x](javascript:alert(1)) and *this*"));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("<p>x and <em>this</em></p>").doesNotContain("javascript", "href");
    }

    @Test
    void namesTheDeletedIncidentOnNowOnce() {
        Browserless admin = browser();
        admin.signIn(anAccount(Role.ADMIN), PASSWORD);
        admin.get("/incidents/" + ID + "/delete");

        HttpResponse<String> deleted = admin.post("/incidents/" + ID + "/delete", Map.of("version", "5", "reason", "a test", "title", "Checkout down"));
        String now = admin.get("/").body();
        String later = admin.get("/").body();

        assertThat(Browserless.location(deleted)).isEqualTo("/");
        assertThat(now).contains("id=\"deleted-notice\"", "Deleted “Checkout down”");
        assertThat(later).doesNotContain("deleted-notice");
    }
}
