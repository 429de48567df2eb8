package io.sitrep.notification.web;

import io.sitrep.notification.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests get a 4xx problem naming what is wrong, and change nothing. */
class BadRequestIT extends IntegrationTest {

    private long subscriptionsBefore;
    private long deliveriesBefore;

    @BeforeEach
    void countState() {
        subscriptionsBefore = count("subscriptions");
        deliveriesBefore = count("deliveries");
    }

    @AfterEach
    void nothingChanged() {
        assertThat(count("subscriptions")).isEqualTo(subscriptionsBefore);
        assertThat(count("deliveries")).isEqualTo(deliveriesBefore);
    }

    @Test
    void malformedJsonIsABadRequest() {
        api.post("/api/v1/subscriptions", "{\"channel\": \"web").expectProblem(400, "malformed-request");
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        JsonNode problem = api.post("/api/v1/subscriptions", "{\"channel\":\"webhook\",\"url\":\"http://127.0.0.1:9/\",\"secret\":\"x\"}")
                .expectProblem(400, "malformed-request");

        assertThat(field(problem)).isEqualTo("secret");
    }

    @Test
    void anUnknownChannelNamesTheAllowedOnes() {
        JsonNode problem = api.post("/api/v1/subscriptions", "{\"channel\":\"sms\",\"url\":\"http://127.0.0.1:9/\"}")
                .expectProblem(400, "malformed-request");

        assertThat(field(problem)).isEqualTo("channel");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("webhook").contains("email");
    }

    @Test
    void aMissingChannelIsNamed() {
        JsonNode problem = api.post("/api/v1/subscriptions", "{\"url\":\"http://127.0.0.1:9/\"}").expectProblem(400, "validation-failed");

        assertThat(field(problem)).isEqualTo("channel");
    }

    @Test
    void aWebhookNeedsAUrlAndNoEmail() {
        assertThat(field(api.post("/api/v1/subscriptions", "{\"channel\":\"webhook\"}").expectProblem(400, "validation-failed")))
                .isEqualTo("url");
        assertThat(field(api.post("/api/v1/subscriptions", "{\"channel\":\"webhook\",\"url\":\"http://127.0.0.1:9/\",\"email\":\"a@example.com\"}")
                .expectProblem(400, "validation-failed"))).isEqualTo("email");
    }

    @Test
    void anEmailSubscriptionNeedsAValidAddress() {
        assertThat(field(api.post("/api/v1/subscriptions", "{\"channel\":\"email\"}").expectProblem(400, "validation-failed")))
                .isEqualTo("email");
        assertThat(field(api.post("/api/v1/subscriptions", "{\"channel\":\"email\",\"email\":\"not an address\"}")
                .expectProblem(400, "validation-failed"))).isEqualTo("email");
    }

    @Test
    void anEventTypeThatIsNoIncidentEventIsNamedWithItsIndex() {
        JsonNode problem = api.post("/api/v1/subscriptions", "{\"channel\":\"webhook\",\"url\":\"http://127.0.0.1:9/\","
                + "\"eventTypes\":[\"incident.opened\",\"component.defined\"]}").expectProblem(400, "validation-failed");

        assertThat(field(problem)).isEqualTo("eventTypes[1]");
    }

    @Test
    void anUnknownImpactAndABadComponentIdAreNamed() {
        assertThat(field(api.post("/api/v1/subscriptions", "{\"channel\":\"webhook\",\"url\":\"http://127.0.0.1:9/\",\"minImpact\":\"severe\"}")
                .expectProblem(400, "malformed-request"))).isEqualTo("minImpact");
        assertThat(field(api.post("/api/v1/subscriptions", "{\"channel\":\"webhook\",\"url\":\"http://127.0.0.1:9/\",\"components\":[\"Not Valid\"]}")
                .expectProblem(400, "validation-failed"))).isEqualTo("components[0]");
    }

    @Test
    void aNumberWhereTextBelongsIsNotCoerced() {
        assertThat(field(api.post("/api/v1/subscriptions", "{\"channel\":\"webhook\",\"url\":5}").expectProblem(400, "malformed-request")))
                .isEqualTo("url");
    }

    @Test
    void anIdThatIsNoUuidIsABadRequestAndAnUnknownOneIsNotFound() {
        api.get("/api/v1/subscriptions/not-a-uuid").expect(400);
        api.get("/api/v1/subscriptions/" + UUID.randomUUID()).expectProblem(404, "unknown-subscription");
        api.get("/api/v1/subscriptions/" + UUID.randomUUID() + "/deliveries").expectProblem(404, "unknown-subscription");
        api.as(OPERATOR_KEY).post("/api/v1/deliveries/redrive", "{\"subscriptionId\":\"" + UUID.randomUUID() + "\"}")
                .expectProblem(404, "unknown-subscription");
    }

    @Test
    void aDeliveryStatusFilterMustBeAStatus() {
        String id = aSubscription("http://127.0.0.1:9/hook", freshComponent("status"));
        subscriptionsBefore++;

        assertThat(field(api.get("/api/v1/subscriptions/" + id + "/deliveries?status=lost").expectProblem(400, "validation-failed")))
                .isEqualTo("status");
        api.get("/api/v1/subscriptions/" + id + "/deliveries?limit=0").expectProblem(400, "validation-failed");
    }

    @Test
    void aRedriveWindowMustEndAfterItBegins() {
        JsonNode problem = api.as(OPERATOR_KEY).post("/api/v1/deliveries/redrive",
                "{\"since\":\"2026-01-02T00:00:00Z\",\"until\":\"2026-01-01T00:00:00Z\"}").expectProblem(400, "validation-failed");

        assertThat(field(problem)).isEqualTo("until");
    }

    // Security hardening: an instant the database cannot hold (or Java cannot convert) answered 500.
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "since, +300000-01-01T00:00:00Z",
            "since, +1000000000-12-31T23:59:59Z",
            "until, -1000000000-01-01T00:00:00Z",
            "until, 1969-12-31T23:59:59Z",
    })
    void aRedriveBoundOutsideTheSaneRangeIsABadRequestNamingIt(String field, String instant) {
        JsonNode problem = api.as(OPERATOR_KEY).post("/api/v1/deliveries/redrive", "{\"" + field + "\":\"" + instant + "\"}")
                .expectProblem(400, "validation-failed");

        assertThat(field(problem)).isEqualTo(field);
    }

    @Test
    void aWrongMediaTypeIsRefused() {
        api.send("POST", "/api/v1/subscriptions", "channel=webhook", Map.of("Content-Type", "application/x-www-form-urlencoded"))
                .expectProblem(415, "unsupported-media-type");
    }

    @Test
    void anOversizedBodyIsRefused() {
        api.post("/api/v1/subscriptions", "{\"channel\":\"webhook\",\"url\":\"http://127.0.0.1/" + "x".repeat(70_000) + "\"}")
                .expectProblem(413, "payload-too-large");
    }

    private String aSubscription(String url, String component) {
        return subscribeWebhook(url, component).get("id").asString();
    }

    private static String field(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asString();
    }
}
