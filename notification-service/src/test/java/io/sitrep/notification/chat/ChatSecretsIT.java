package io.sitrep.notification.chat;

import io.sitrep.events.IncidentOpened;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Receiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A chat webhook's URL is its credential (issue 15): it is stored encrypted, answered redacted (host and the last
 * four characters), and shows in no answer, log line, metric or health detail, nor in clear in the database.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatSecretsIT extends IntegrationTest {

    private static final String TOKEN = "hZq8TokenOfTheSlackHookK3y9";
    private static final String PATH = "/services/T0CHAT01/B0CHAT02/" + TOKEN;

    @Test
    void aChatUrlShowsInNoAnswerLogLineMetricHealthDetailOrDatabaseColumnInClear(CapturedOutput output) {
        Receiver receiver = aReceiver().answer(500, 404);
        String url = receiver.url(PATH);
        String component = freshComponent("chat-secret");
        IncidentOpened opened = ChatChannelIT.opened(component);

        JsonNode created = subscribe("{\"channel\":\"slack\",\"url\":\"" + url + "\",\"components\":[\"" + component + "\"]}");
        String id = created.get("id").asString();
        publish(opened);

        receiver.awaitRequests(3, TIMEOUT);
        assertThat(receiver.requests()).extracting(Receiver.Request::path).containsOnly(PATH);
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, opened.eventId())));
        assertThat(created.get("url").asString()).isEqualTo("http://127.0.0.1/…K3y9");
        assertThat(created.has("secret")).isFalse();
        List<String> answers = new ArrayList<>();
        answers.add(created.toString());
        answers.add(api.get("/api/v1/subscriptions/" + id).expect(200).body());
        answers.add(api.get("/api/v1/subscriptions?limit=200").expect(200).body());
        answers.add(api.get("/api/v1/subscriptions/" + id + "/deliveries").expect(200).body());
        answers.add(api.post("/api/v1/subscriptions/" + id + "/secret/rotate", "").body());
        answers.add(api.post("/api/v1/subscriptions", "{\"channel\":\"discord\",\"url\":\"http://169.254.169.254" + PATH + "\"}").body());
        answers.add(api.post("/api/v1/subscriptions", "{\"channel\":\"slack\",\"url\":\"ftp://hooks.example.com" + PATH + "\"}").body());
        answers.add(api.post("/api/v1/subscriptions", "{\"channel\":\"slack\",\"url\":\"http://127.0.0.1" + PATH + "\","
                + "\"email\":\"x@example.com\"}").body());
        String metrics = api.as(null).get("/actuator/prometheus").expect(200).body();
        String health = api.as(ADMIN_KEY).get("/actuator/health").expect(200).body();
        String stored = jdbc.sql("SELECT concat_ws(' ', target, endpoint, encode(target_sealed, 'escape')) FROM subscriptions WHERE id = ?::uuid")
                .param(id).query(String.class).single();
        String deliveryRows = String.join(" ", jdbc.sql("SELECT concat_ws(' ', endpoint, last_error) FROM deliveries WHERE subscription_id = ?::uuid")
                .param(id).query(String.class).list());
        assertThat(String.join("\n", answers)).contains("target-refused", "no-signing-secret");
        for (String leak : List.of(TOKEN, PATH, "B0CHAT02", url)) {
            assertThat(answers).as("answers").allSatisfy(answer -> assertThat(answer).doesNotContain(leak));
            assertThat(metrics).as("metrics").doesNotContain(leak);
            assertThat(health).as("health").doesNotContain(leak);
            assertThat(output.getAll()).as("log lines").doesNotContain(leak);
            assertThat(stored).as("subscription row").doesNotContain(leak);
            assertThat(deliveryRows).as("delivery rows").doesNotContain(leak);
        }
    }
}
