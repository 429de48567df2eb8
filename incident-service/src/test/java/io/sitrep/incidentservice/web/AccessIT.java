package io.sitrep.incidentservice.web;

import io.sitrep.incidentservice.IntegrationTest;
import io.sitrep.testsupport.Api;
import io.sitrep.testsupport.PathSpellings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every API request needs a known key; writes need the right scope. */
class AccessIT extends IntegrationTest {

    @Test
    void aRequestWithoutAKeyIsUnauthenticated() {
        long before = count("incidents");

        var response = api.as(null).post("/api/v1/incidents", "{\"title\":\"t\",\"message\":\"m\"}");

        response.expectProblem(401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(count("incidents")).isEqualTo(before);
    }

    @Test
    void aWrongKeyIsRefusedAndNotEchoed() {
        var response = api.as("not-a-key-we-know").get("/api/v1/incidents/00000000-0000-7000-8000-000000000000");

        response.expectProblem(401, "invalid-api-key");
        assertThat(response.body()).doesNotContain("not-a-key-we-know");
    }

    @Test
    void readsNeedAnyValidKey() {
        String id = anOpenIncident("Readable by a read-only key");

        api.as(READER_KEY).get("/api/v1/incidents/" + id).expect(200);
        api.as(READER_KEY).get("/api/v1/components").expect(200);
        api.as(null).get("/api/v1/incidents/" + id).expectProblem(401, "unauthenticated");
    }

    @Test
    void writingWithoutTheScopeIsForbiddenAndChangesNothing() {
        long before = count("incidents");

        api.as(READER_KEY).post("/api/v1/incidents", "{\"title\":\"t\",\"message\":\"m\"}").expectProblem(403, "insufficient-scope");
        api.as(COMPONENT_EDITOR_KEY).post("/api/v1/incidents", "{\"title\":\"t\",\"message\":\"m\"}").expectProblem(403, "insufficient-scope");
        api.as(READER_KEY).put("/api/v1/components/" + freshComponentId("x"), "{\"name\":\"x\"}").expectProblem(403, "insufficient-scope");

        assertThat(count("incidents")).isEqualTo(before);
    }

    @Test
    void theAdminScopeMayDoEverything() {
        api.as(ADMIN_KEY).send("POST", "/api/v1/incidents", "{\"title\":\"By admin\",\"message\":\"m\"}", Map.of()).expect(201);
        api.as(ADMIN_KEY).put("/api/v1/components/" + freshComponentId("admin"), "{\"name\":\"Admin made\"}").expect(201);
    }

    // issue 12: GET /%61pi/v1/incidents/{id} and GET /api;x/v1/components answered 200 without a key,
    // because the key check read the raw URI while Spring MVC matched the decoded path.
    @Test
    void noSpellingOfAReadReachesItWithoutAKey() {
        String id = anOpenIncident("Spelled otherwise");

        for (String path : PathSpellings.of("/api/v1/incidents/" + id)) {
            assertRefused(api.as(null).get(path), path);
        }
        for (String path : PathSpellings.of("/api/v1/components")) {
            assertRefused(api.as(null).get(path), path);
        }
    }

    @Test
    void noSpellingOfAWriteReachesItWithoutAKeyOrScope() {
        long before = count("incidents");

        for (String path : PathSpellings.of("/api/v1/incidents")) {
            assertRefused(api.as(null).post(path, "{\"title\":\"t\",\"message\":\"m\"}"), path);
            int status = api.as(READER_KEY).post(path, "{\"title\":\"t\",\"message\":\"m\"}").status();
            assertThat(status).as(path).isIn(400, 403, 404);
        }

        assertThat(count("incidents")).isEqualTo(before);
    }

    @Test
    void aPathTheFirewallRefusesIsABadRequestProblem() {
        api.get("/api;x=1/v1/components").expectProblem(400, "request-rejected");
        api.get("/api//v1/components").expectProblem(400, "request-rejected");
        api.get("/api/./v1/components").expectProblem(400, "request-rejected");
        api.get("/api/v1/%2e/components").expectProblem(400, "request-rejected");
    }

    @Test
    void answersCarryTheSecurityHeaders() {
        var response = api.get("/api/v1/components").expect(200);

        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    /** Refused with a 4xx problem: never 2xx, never 5xx. */
    private static void assertRefused(Api.Response response, String path) {
        assertThat(response.status()).as(path + " -> " + response.body()).isIn(400, 401);
        assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
    }
}
