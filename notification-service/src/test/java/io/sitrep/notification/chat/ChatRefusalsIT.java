package io.sitrep.notification.chat;

import io.sitrep.events.IncidentOpened;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.SubscriptionDisabled;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.UndecodableEvent;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Receiver;
import io.sitrep.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each chat channel's refusals, handled as its documentation says (issue 15): Slack's 404 no_service and its 410
 * disable, its other refusals are retried; Discord's 429 is retried after its body's retry_after, its Unknown Webhook
 * disables; Teams' 429 is retried after its Retry-After; Google Chat's and Mattermost's failures are retried.
 */
class ChatRefusalsIT extends IntegrationTest {

    @Test
    void slacksNoServiceDisablesTheSubscriptionAndCancelsTheDelivery() throws UndecodableEvent {
        Receiver receiver = aReceiver().answer(Receiver.Answer.of(404, "no_service"));
        String component = freshComponent("slack-gone");
        String id = subscribeChat("slack", receiver.url("/services/T1/B1/goneXXXXXXXXXXXXXXXXXXXX"), component);
        IncidentOpened opened = ChatChannelIT.opened(component);

        publish(opened);

        awaitDisabled(id);
        assertThat(deliveryStatus(id, opened.eventId())).isEqualTo("cancelled");
        assertThat(lastError(id, opened.eventId())).contains("no_service");
        assertThat(receiver.requests()).hasSize(1);
        try (TopicReader topic = TopicReader.of(DELIVERY_EVENTS)) {
            var record = topic.awaitRecords(TopicReader.keyed(id), 1, TIMEOUT).get(0);
            SitrepEvent event = new EventCodec().decode(TopicReader.headers(record), record.value());
            assertThat(event).isInstanceOfSatisfying(SubscriptionDisabled.class, disabled -> {
                assertThat(disabled.reason()).isEqualTo("receiver_gone");
                assertThat(disabled.subscription().channel()).isEqualTo("slack");
                // The event carries the origin only: nothing of the path, which is the credential.
                assertThat(disabled.subscription().target()).isEqualTo("http://127.0.0.1:" + receiver.port());
            });
        }
    }

    @Test
    void slacksArchivedChannel410DisablesTheSubscription() {
        Receiver receiver = aReceiver().answer(Receiver.Answer.of(410, "channel_is_archived"));
        String component = freshComponent("slack-archived");
        String id = subscribeChat("slack", receiver.url("/services/T1/B1/archivedXXXXXXXXXXXXXXXX"), component);
        IncidentOpened opened = ChatChannelIT.opened(component);

        publish(opened);

        awaitDisabled(id);
        assertThat(deliveryStatus(id, opened.eventId())).isEqualTo("cancelled");
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void slacksOtherRefusalsAreRetriedAndNamedInTheAttempt() {
        Receiver receiver = aReceiver().answer(Receiver.Answer.of(404, "channel_not_found"), Receiver.Answer.of(500, "rollup_error"));
        String component = freshComponent("slack-retry");
        String id = subscribeChat("slack", receiver.url("/services/T1/B1/retryXXXXXXXXXXXXXXXXXXX"), component);
        IncidentOpened opened = ChatChannelIT.opened(component);

        publish(opened);

        receiver.awaitRequests(3, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, opened.eventId())));
        assertThat(attemptErrors(id, opened.eventId())).containsExactly("HTTP 404 channel_not_found", "HTTP 500 rollup_error", null);
        assertThat(api.get("/api/v1/subscriptions/" + id).expect(200).json().get("status").asString()).isEqualTo("active");
    }

    @Test
    void discordsRateLimitIsRetriedNoSoonerThanTheRetryAfterOfItsBody() {
        Receiver receiver = aReceiver().answerAlways(204)
                .answer(Receiver.Answer.of(429, "{\"message\": \"You are being rate limited.\", \"retry_after\": 1.5, \"global\": false}"));
        String component = freshComponent("discord-429");
        String id = subscribeChat("discord", receiver.url("/api/webhooks/1/discordRateLimitedToken"), component);
        IncidentOpened opened = ChatChannelIT.opened(component);

        publish(opened);

        List<Receiver.Request> requests = receiver.awaitRequests(2, TIMEOUT);
        // The schedule's next delay is 300 ms; the body asked for 1.5 s.
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1450));
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, opened.eventId())));
    }

    @Test
    void discordsUnknownWebhookDisablesTheSubscription() {
        Receiver receiver = aReceiver().answer(Receiver.Answer.of(404, "{\"message\": \"Unknown Webhook\", \"code\": 10015}"));
        String component = freshComponent("discord-gone");
        String id = subscribeChat("discord", receiver.url("/api/webhooks/2/discordDeletedToken"), component);
        IncidentOpened opened = ChatChannelIT.opened(component);

        publish(opened);

        awaitDisabled(id);
        assertThat(deliveryStatus(id, opened.eventId())).isEqualTo("cancelled");
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void teamsThrottlingIsRetriedAfterItsRetryAfter() {
        Receiver receiver = aReceiver().answerAlways(202).answer(new Receiver.Answer(429, Map.of("Retry-After", "2"), "Too many requests"));
        String component = freshComponent("teams-429");
        String id = subscribeChat("teams", receiver.url("/workflows/1/triggers/manual/paths/invoke?sig=teamsThrottled"), component);
        IncidentOpened opened = ChatChannelIT.opened(component);

        publish(opened);

        List<Receiver.Request> requests = receiver.awaitRequests(2, TIMEOUT);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, opened.eventId())));
    }

    @Test
    void googleChatAndMattermostFailuresAreRetriedUntilDelivered() {
        Receiver google = aReceiver().answer(429, 503);
        Receiver mattermost = aReceiver().answer(500);
        String component = freshComponent("retried");
        String googleId = subscribeChat("google_chat", google.url("/v1/spaces/S/messages?key=k&token=googleRetried"), component);
        String mattermostId = subscribeChat("mattermost", mattermost.url("/hooks/mattermostRetried"), component);
        IncidentOpened opened = ChatChannelIT.opened(component);

        publish(opened);

        google.awaitRequests(3, TIMEOUT);
        mattermost.awaitRequests(2, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(googleId, opened.eventId()))
                && "delivered".equals(deliveryStatus(mattermostId, opened.eventId())));
    }

    @Test
    void aDeadChatDeliveryIsReDrivenLikeAWebhooks() {
        Receiver receiver = aReceiver().answerAlways(503);
        String component = freshComponent("chat-dead");
        String id = subscribeChat("mattermost", receiver.url("/hooks/mattermostDeadLetter"), component);
        IncidentOpened opened = ChatChannelIT.opened(component);

        publish(opened);

        await().atMost(TIMEOUT).until(() -> "dead".equals(deliveryStatus(id, opened.eventId())));
        receiver.answerAlways(200);
        JsonNode redriven = api.as(OPERATOR_KEY).post("/api/v1/deliveries/redrive", "{\"subscriptionId\":\"" + id + "\"}").expect(200).json();
        assertThat(redriven.get("redriven").asInt()).isEqualTo(1);
        await().atMost(TIMEOUT).until(() -> "delivered".equals(deliveryStatus(id, opened.eventId())));
    }

    private String subscribeChat(String channel, String url, String component) {
        return subscribe("{\"channel\":\"" + channel + "\",\"url\":\"" + url + "\",\"components\":[\"" + component + "\"]}")
                .get("id").asString();
    }

    private void awaitDisabled(String id) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode subscription = api.get("/api/v1/subscriptions/" + id).expect(200).json();
            assertThat(subscription.get("status").asString()).isEqualTo("disabled");
            assertThat(subscription.get("disabledReason").asString()).isEqualTo("receiver_gone");
        });
    }

    private String lastError(String id, UUID eventId) {
        return jdbc.sql("SELECT last_error FROM deliveries WHERE subscription_id = ?::uuid AND event_id = ?").params(id, eventId)
                .query(String.class).single();
    }

    private List<String> attemptErrors(String id, UUID eventId) {
        return jdbc.sql("""
                        SELECT a.error FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id
                        WHERE d.subscription_id = ?::uuid AND d.event_id = ? ORDER BY a.attempt""")
                .params(id, eventId).query((rs, n) -> rs.getString(1)).list();
    }
}
