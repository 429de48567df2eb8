package io.sitrep.notification.subscription.oversight;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Receiver;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Finding a subscriber by address (admins), and the failing endpoints and dead letters across subscriptions (operators). */
class OversightIT extends IntegrationTest {

    @Test
    void findsTheSubscriptionsOfOneEmailAddressExactlyWithoutSecretsAPageAtATime() {
        String local = "ann-" + UUID.randomUUID().toString().substring(0, 8);
        String first = subscribe("{\"channel\":\"email\",\"email\":\"" + local + "@example.com\",\"components\":[\"a\"]}").get("id").asString();
        String second = subscribe("{\"channel\":\"email\",\"email\":\"" + local + "@example.com\",\"components\":[\"b\"]}").get("id").asString();
        subscribe("{\"channel\":\"email\",\"email\":\"x" + local + "@example.com\"}");

        JsonNode page = api.as(ADMIN_KEY).get("/api/v1/subscribers/search?email=" + local.toUpperCase() + "@EXAMPLE.com&limit=1")
                .expect(200).json();
        JsonNode next = api.as(ADMIN_KEY).get("/api/v1/subscribers/search?email=" + local + "@example.com&limit=1&cursor="
                + page.get("nextCursor").asString()).expect(200).json();

        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(first);
        assertThat(page.get("items").get(0).get("address").asString()).isEqualTo(local + "@example.com");
        assertThat(page.get("items").get(0).get("status").asString()).isEqualTo("pending_confirmation");
        assertThat(next.get("items")).hasSize(1);
        assertThat(next.get("items").get(0).get("id").asString()).isEqualTo(second);
        assertThat(next.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void findsWebhooksByHostShowingTheirOriginOnly() {
        Receiver receiver = aReceiver();
        String id = subscribeWebhook(receiver.url("/hooks/secret-token"), freshComponent("host")).get("id").asString();

        List<JsonNode> found = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = api.as(ADMIN_KEY).get("/api/v1/subscribers/search?host=127.0.0.1&limit=100" + cursor).expect(200).json();
            page.get("items").forEach(found::add);
            cursor = page.get("nextCursor").isNull() ? null : "&cursor=" + page.get("nextCursor").asString();
        } while (cursor != null);

        assertThat(found).anySatisfy(item -> {
            assertThat(item.get("id").asString()).isEqualTo(id);
            assertThat(item.get("channel").asString()).isEqualTo("webhook");
            assertThat(item.get("address").asString()).doesNotContain("/hooks").startsWith("http://127.0.0.1:");
        });
        assertThat(found.toString()).doesNotContain("whsec_", "secret-token");
    }

    @Test
    void searchNeedsTheAdminScope() {
        api.as(MANAGER_KEY).get("/api/v1/subscribers/search?email=someone@example.com").expectProblem(403, "insufficient-scope");
        api.as(OPERATOR_KEY).get("/api/v1/subscribers/search?email=someone@example.com").expectProblem(403, "insufficient-scope");
    }

    @Test
    void searchNamesTheFieldAtFault() {
        JsonNode neither = api.as(ADMIN_KEY).get("/api/v1/subscribers/search").expectProblem(400, "validation-failed");
        JsonNode both = api.as(ADMIN_KEY).get("/api/v1/subscribers/search?email=a@example.com&host=example.com")
                .expectProblem(400, "validation-failed");
        JsonNode notAnAddress = api.as(ADMIN_KEY).get("/api/v1/subscribers/search?email=nobody").expectProblem(400, "validation-failed");
        JsonNode badCursor = api.as(ADMIN_KEY).get("/api/v1/subscribers/search?email=a@example.com&cursor=nope")
                .expectProblem(400, "validation-failed");

        assertThat(neither.get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(both.get("errors").get(0).get("field").asString()).isEqualTo("host");
        assertThat(notAnAddress.get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(badCursor.get("errors").get(0).get("field").asString()).isEqualTo("cursor");
    }

    @Test
    void listsAFailingEndpointWithItsLastErrorAndItsDeadLetter() {
        Receiver receiver = aReceiver().answerAlways(503);
        String component = freshComponent("failing");
        String id = subscribeWebhook(receiver.url("/hooks/secret-token"), component).get("id").asString();
        IncidentOpened opened = Incidents.opened(component, Impact.MAJOR);

        publish(opened);
        await().atMost(TIMEOUT).until(() -> "dead".equals(deliveryStatus(id, opened.eventId())));
        JsonNode failing = api.as(OPERATOR_KEY).get("/api/v1/deliveries/failing?limit=200").expect(200).json();
        JsonNode dead = api.as(OPERATOR_KEY).get("/api/v1/deliveries/dead?limit=200").expect(200).json();

        assertThat(failing.get("items")).anySatisfy(item -> {
            assertThat(item.get("subscriptionId").asString()).isEqualTo(id);
            assertThat(item.get("consecutiveFailures").asInt()).isPositive();
            assertThat(item.get("lastError").asString()).isEqualTo("HTTP 503");
            assertThat(item.get("target").asString()).isEqualTo(receiver.url("").replaceAll("/+$", ""));
        });
        assertThat(dead.get("items")).anySatisfy(item -> {
            assertThat(item.get("subscriptionId").asString()).isEqualTo(id);
            assertThat(item.get("eventType").asString()).isEqualTo("incident.opened");
            assertThat(item.get("attemptCount").asInt()).isEqualTo(4);
            assertThat(item.get("lastStatusCode").asInt()).isEqualTo(503);
        });
        assertThat(failing.toString() + dead).doesNotContain("secret-token", "whsec_");
    }

    @Test
    void failingEndpointsAndDeadLettersNeedTheDeliveriesScope() {
        api.as(READER_KEY).get("/api/v1/deliveries/failing").expectProblem(403, "insufficient-scope");
        api.as(MANAGER_KEY).get("/api/v1/deliveries/dead").expectProblem(403, "insufficient-scope");
    }
}
