package io.sitrep.console.incident;

import io.sitrep.console.Browserless;
import io.sitrep.console.ConsoleIntegrationTest;
import io.sitrep.console.StandInApi;
import io.sitrep.console.account.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The postmortem screen, the Markdown previews and the deleted notice, with incident-service stood in for on loopback:
 * it answers as the OpenAPI description says (a resolved incident with a published postmortem, and one still open) and
 * records the commands it was sent.
 */
class PostmortemIT extends ConsoleIntegrationTest {

    private static final String ID = "0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a";
    /** An incident still open, with no postmortem. */
    private static final String OPEN_ID = "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d";
    private static final StandInApi INCIDENT_SERVICE = StandInApi.start();

    static {
        INCIDENT_SERVICE.answer("GET", "/api/v1/components", 200, "[]");
        INCIDENT_SERVICE.answer("GET", "/api/v1/incidents/" + OPEN_ID, 200, """
                {"id":"%s","title":"Search slow","status":"identified","impact":"minor","visibility":"public","version":4,
                 "components":[],"updates":[],"postmortem":null}""".formatted(OPEN_ID));
        INCIDENT_SERVICE.answerOtherwise(200, """
                {"id":"%s","title":"Checkout down","status":"resolved","impact":"major","visibility":"public","version":5,
                 "components":[],"updates":[{"id":"11111111-2222-4333-8444-555555555555","version":1,"status":"resolved","impact":"major",
                 "message":"Fixed","occurredAt":"2026-12-01T09:00:00Z","componentChanges":[],"actor":"ada"}],
                 "postmortem":{"revision":1,"body":"The **first** draft","publishedAt":"2026-12-01T10:00:00Z"}}""".formatted(ID));
    }

    @DynamicPropertySource
    static void incidentService(DynamicPropertyRegistry properties) {
        properties.add("sitrep.console.api.incident-url", INCIDENT_SERVICE::url);
    }

    @AfterAll
    static void stop() {
        INCIDENT_SERVICE.close();
    }

    @BeforeEach
    void forget() {
        INCIDENT_SERVICE.forget();
    }

    /** The commands sent since the test began: every request but the reads. */
    private static List<String> commands() {
        return INCIDENT_SERVICE.received().stream().filter(request -> !request.startsWith("GET ")).toList();
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
        assertThat(commands()).isEmpty();
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
        assertThat(commands()).containsExactly("PUT /api/v1/incidents/" + ID + "/postmortem actor=" + name + " if-match=\"5\" {\"body\":\"The root cause\"}");
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
        assertThat(commands()).isEmpty();
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
        assertThat(commands()).isEmpty();
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
