package io.sitrep.console.signin;

import io.sitrep.console.Browserless;
import io.sitrep.console.ConsoleIntegrationTest;
import io.sitrep.console.account.Role;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RolesIT extends ConsoleIntegrationTest {

    @Test
    void showsAViewerNoButtonThatChangesAnything() {
        Browserless viewer = browser();
        viewer.signIn(anAccount(Role.VIEWER), PASSWORD);

        HttpResponse<String> now = viewer.get("/");

        assertThat(now.statusCode()).isEqualTo(200);
        assertThat(now.body()).contains("(viewer)").doesNotContain("Open an incident").doesNotContain("/incidents/new");
    }

    @Test
    void refusesEveryChangeAViewerPostsEvenWithAValidCsrfToken() {
        Browserless viewer = browser();
        viewer.signIn(anAccount(Role.VIEWER), PASSWORD);
        viewer.get("/");
        String id = UUID.randomUUID().toString();

        assertThat(viewer.post("/incidents", Map.of("title", "Checkout down", "message", "Looking")).statusCode()).isEqualTo(403);
        assertThat(viewer.post("/incidents/" + id + "/updates", Map.of("version", "1", "message", "x")).statusCode()).isEqualTo(403);
        assertThat(viewer.post("/incidents/" + id + "/publish", Map.of("version", "1", "title", "x")).statusCode()).isEqualTo(403);
        assertThat(viewer.post("/incidents/" + id + "/resolve", Map.of("version", "1", "message", "x")).statusCode()).isEqualTo(403);
        assertThat(viewer.get("/incidents/new").statusCode()).isEqualTo(403);
    }

    @Test
    void refusesAViewerRenamingCorrectingReopeningAndDeleting() {
        Browserless viewer = browser();
        viewer.signIn(anAccount(Role.VIEWER), PASSWORD);
        viewer.get("/");
        String id = UUID.randomUUID().toString();

        assertThat(viewer.post("/incidents/" + id + "/edit", Map.of("version", "1", "title", "x")).statusCode()).isEqualTo(403);
        assertThat(viewer.post("/incidents/" + id + "/updates/" + UUID.randomUUID() + "/edit", Map.of("version", "1", "message", "x")).statusCode()).isEqualTo(403);
        assertThat(viewer.post("/incidents/" + id + "/reopen", Map.of("version", "1", "message", "x")).statusCode()).isEqualTo(403);
        assertThat(viewer.post("/incidents/" + id + "/delete", Map.of("version", "1", "reason", "x")).statusCode()).isEqualTo(403);
        assertThat(viewer.get("/audit").statusCode()).isEqualTo(403);
    }

    @Test
    void refusesAResponderDeletingAnIncidentOrReadingTheAuditForTheyAreForAdmins() {
        Browserless responder = browser();
        responder.signIn(anAccount(Role.RESPONDER), PASSWORD);
        HttpResponse<String> now = responder.get("/");
        String id = UUID.randomUUID().toString();

        assertThat(responder.post("/incidents/" + id + "/delete", Map.of("version", "1", "reason", "x")).statusCode()).isEqualTo(403);
        assertThat(responder.get("/incidents/" + id + "/delete").statusCode()).isEqualTo(403);
        assertThat(responder.get("/audit").statusCode()).isEqualTo(403);
        assertThat(now.body()).doesNotContain("href=\"/audit\"");
    }

    @Test
    void linksTheAuditForAnAdmin() {
        Browserless admin = browser();
        admin.signIn(anAccount(Role.ADMIN), PASSWORD);

        HttpResponse<String> now = admin.get("/");

        assertThat(now.body()).contains("href=\"/audit\"");
    }

    @Test
    void offersAResponderTheButtonToOpenAnIncident() {
        Browserless responder = browser();
        responder.signIn(anAccount(Role.RESPONDER), PASSWORD);

        HttpResponse<String> now = responder.get("/");

        assertThat(now.body()).contains("id=\"open-incident\"", "href=\"/incidents/new\"");
    }

    @Test
    void letsAnAdminDoWhatAResponderMay() {
        Browserless admin = browser();
        admin.signIn(anAccount(Role.ADMIN), PASSWORD);

        HttpResponse<String> form = admin.get("/incidents/new");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<h1>Open an incident</h1>", "<label for=\"title\">Title</label>");
    }
}
