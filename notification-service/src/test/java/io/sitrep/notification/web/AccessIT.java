package io.sitrep.notification.web;

import io.sitrep.notification.IntegrationTest;
import io.sitrep.testsupport.Api;
import io.sitrep.testsupport.PathSpellings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Managing subscriptions needs subscriptions:write; re-driving needs deliveries:write; everything needs a key. */
class AccessIT extends IntegrationTest {

    private static final String WEBHOOK = "{\"channel\":\"webhook\",\"url\":\"http://127.0.0.1:9/hook\"}";

    @Test
    void aRequestWithoutAKeyIsUnauthenticated() {
        var response = api.as(null).post("/api/v1/subscriptions", WEBHOOK);

        response.expectProblem(401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void anUnknownKeyIsRefusedAndNotEchoed() {
        var response = api.as("not-a-key-we-know").get("/api/v1/subscriptions");

        response.expectProblem(401, "invalid-api-key");
        assertThat(response.body()).doesNotContain("not-a-key-we-know");
    }

    @Test
    void managingSubscriptionsNeedsTheirScope() {
        long before = count("subscriptions");

        api.as(READER_KEY).post("/api/v1/subscriptions", WEBHOOK).expectProblem(403, "insufficient-scope");
        api.as(READER_KEY).get("/api/v1/subscriptions").expectProblem(403, "insufficient-scope");
        api.as(OPERATOR_KEY).post("/api/v1/subscriptions", WEBHOOK).expectProblem(403, "insufficient-scope");

        assertThat(count("subscriptions")).isEqualTo(before);
    }

    @Test
    void reDrivingNeedsTheDeliveriesScope() {
        api.post("/api/v1/deliveries/redrive", "{\"dryRun\":true}").expectProblem(403, "insufficient-scope");
        api.as(READER_KEY).post("/api/v1/deliveries/redrive", "{\"dryRun\":true}").expectProblem(403, "insufficient-scope");

        assertThat(api.as(OPERATOR_KEY).post("/api/v1/deliveries/redrive", "{\"dryRun\":true}").expect(200).json().get("dryRun").asBoolean())
                .isTrue();
    }

    @Test
    void theEmailLinksNeedNoKey() {
        var response = api.as(null).get("/api/v1/subscriptions/confirm?token=nonsense");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("text/html");
    }

    // issue 12: the key check read the raw URI while Spring MVC matched the decoded path.
    @Test
    void noSpellingOfTheApiReachesItWithoutAKey() {
        for (String path : PathSpellings.of("/api/v1/subscriptions")) {
            assertRefused(api.as(null).get(path), path);
            assertRefused(api.as(null).post(path, WEBHOOK), path);
        }
        for (String path : PathSpellings.of("/api/v1/deliveries/redrive")) {
            assertRefused(api.as(null).post(path, "{\"dryRun\":true}"), path);
        }
    }

    @Test
    void theEmailLinksStayPublicOnlyUnderTheirOwnPath() {
        int plain = api.as(null).get("/api/v1/subscriptions/unsubscribe?token=nonsense").status();

        assertThat(plain).isNotIn(401, 403);
        assertRefused(api.as(null).get("/api/v1/subscriptions/unsubscribe/../../subscriptions?token=nonsense"), "dot segments");
    }

    /** Refused with a 4xx problem: never 2xx, never 5xx. */
    private static void assertRefused(Api.Response response, String path) {
        assertThat(response.status()).as(path + " -> " + response.body()).isIn(400, 401);
        assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
    }
}
