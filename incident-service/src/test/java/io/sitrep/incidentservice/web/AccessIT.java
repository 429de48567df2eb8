package io.sitrep.incidentservice.web;

import io.sitrep.incidentservice.IntegrationTest;
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
}
