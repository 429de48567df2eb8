package io.sitrep.timeline.security;

import io.sitrep.testsupport.Api;
import io.sitrep.testsupport.PathSpellings;
import io.sitrep.timeline.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads are public; the admin API needs the admin key. */
class AccessIT extends IntegrationTest {

    @Test
    void readsNeedNoKey() {
        api.get("/api/v1/incidents").expect(200);
        api.get("/api/v1/components").expect(200);
        api.get("/api/v1/status").expect(200);
        api.get("/api/v1/maintenances").expect(200);
        api.get("/api/v2/scheduled-maintenances.json").expect(200);
        api.get("/api/v2/summary.json").expect(200);
        api.get("/feed.atom").expect(200);
        api.get("/").expect(200);
    }

    @Test
    void pagesOnOtherOriginsMayReadButNotAdminister() {
        Api.Response read = api.send("GET", "/api/v2/summary.json", null, java.util.Map.of("Origin", "https://widgets.example"));
        Api.Response admin = api.send("OPTIONS", "/api/v1/admin/rebuild", null, java.util.Map.of("Origin", "https://widgets.example",
                "Access-Control-Request-Method", "POST"));

        assertThat(read.expect(200).header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(admin.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void theAdminApiRefusesAMissingOrWrongKey() {
        Api.Response missing = api.get("/api/v1/admin/rebuild");
        missing.expectProblem(401, "unauthenticated");
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
        api.as("not-the-admin-key").post("/api/v1/admin/rebuild", null).expectProblem(401, "invalid-api-key");
    }

    @Test
    void theAdminKeyOpensTheAdminApi() {
        var progress = api.as(ADMIN_KEY).get("/api/v1/admin/rebuild").expect(200).json();

        assertThat(progress.get("state").asString()).isNotBlank();
        assertThat(progress.get("currentGeneration").asLong()).isPositive();
    }

    @Test
    void anUnknownPathNeedsAKeyAndIsThenANotFoundProblem() {
        api.get("/api/v1/nothing-here").expectProblem(401, "unauthenticated");
        api.as(ADMIN_KEY).get("/api/v1/nothing-here").expectProblem(404, "not-found");
        api.send("DELETE", "/api/v1/incidents", null, java.util.Map.of()).expectProblem(405, "method-not-allowed");
    }

    // issue 12: POST /api/v1/%61dmin/rebuild started a rebuild with no key, because the key check read
    // the raw URI while Spring MVC matched the decoded path.
    @Test
    void noSpellingOfTheAdminApiReachesItWithoutTheAdminKey() {
        var before = api.as(ADMIN_KEY).get("/api/v1/admin/rebuild").expect(200).json();

        for (String path : PathSpellings.of("/api/v1/admin/rebuild")) {
            for (Api caller : new Api[] {api, api.as("not-the-admin-key")}) {
                Api.Response response = caller.post(path, null);
                assertThat(response.status()).as(path + " -> " + response.body()).isIn(400, 401, 403);
                assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
            }
        }

        var after = api.as(ADMIN_KEY).get("/api/v1/admin/rebuild").expect(200).json();
        assertThat(after.get("startedAt")).isEqualTo(before.get("startedAt"));
        assertThat(after.get("generation")).isEqualTo(before.get("generation"));
    }

    @Test
    void theStatusPageCarriesTheSecurityHeaders() {
        Api.Response page = api.get("/").expect(200);

        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    }
}
