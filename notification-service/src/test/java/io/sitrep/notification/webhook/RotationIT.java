package io.sitrep.notification.webhook;

import com.standardwebhooks.Webhook;
import io.sitrep.events.Impact;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Receiver;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A rotated secret signs alongside the old one during the overlap, so receivers switch without a gap. */
class RotationIT extends IntegrationTest {

    @Test
    void afterARotationWebhooksCarryTwoSignaturesThatEachVerify() throws Exception {
        Receiver receiver = aReceiver();
        String component = freshComponent("rotate");
        JsonNode created = subscribeWebhook(receiver.url(), component);
        String id = created.get("id").asString();
        String oldSecret = created.get("secret").asString();

        JsonNode rotated = api.post("/api/v1/subscriptions/" + id + "/secret/rotate", null).expect(200).json();
        publish(Incidents.opened(component, Impact.MAJOR));

        String newSecret = rotated.get("secret").asString();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(rotated.get("previousSecretExpiresAt").asString()).isNotBlank();
        Receiver.Request request = receiver.awaitRequests(1, TIMEOUT).get(0);
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1,"));
        new Webhook(oldSecret).verify(request.body(), request.httpHeaders());
        new Webhook(newSecret).verify(request.body(), request.httpHeaders());
        assertThat(api.get("/api/v1/subscriptions/" + id).json().has("secret")).isFalse();
    }

    @Test
    void anEmailSubscriptionHasNoSecretToRotate() {
        String id = subscribe("{\"channel\":\"email\",\"email\":\"rotate-" + System.nanoTime() + "@example.com\"}").get("id").asString();

        api.post("/api/v1/subscriptions/" + id + "/secret/rotate", null).expectProblem(409, "no-signing-secret");
    }
}
