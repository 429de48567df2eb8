package io.sitrep.systemtests;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An incident's whole life, seen by a webhook subscriber, an email subscriber, the timeline and the
 * status summary; the webhook carries the trace of the request that opened the incident.
 */
class HappyPathIT extends SystemTest {

    @Test
    void everySubscriberGetsEveryEventOnceAndTheReadSideShowsTheFinalState() throws Exception {
        String component = aComponent("Checkout");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String secret = subscribe(receiver, component).get("secret").asString();
            String email = "oncall-" + component + "@example.com";
            notifications.post("/api/v1/subscriptions", """
                    {"channel":"email","email":"%s","components":["%s"]}""".formatted(email, component)).expect(201);
            String confirmation = awaitMail(email, "Confirm");
            Matcher link = Pattern.compile("(http://localhost:\\d+/api/v1/subscriptions/confirm\\?token=[^\\s\"<>]+)").matcher(confirmation);
            assertThat(link.find()).isTrue();
            String confirmLink = link.group(1).substring(link.group(1).indexOf("/api/"));
            // The link opens a page whose button confirms: a mail scanner's GET changes nothing.
            assertThat(notifications.as(null).get(confirmLink).expect(200).body()).contains("<form");
            notifications.as(null).post(confirmLink, null).expect(200);

            String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
            String incident = incidents.send("POST", "/api/v1/incidents", """
                    {"title":"Checkout failing","impact":"major","message":"Investigating.","components":[{"id":"%s","status":"partial_outage"}]}"""
                    .formatted(component), Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")).expect(201).json().get("id").asString();
            update(incident, "A certificate expired; renewing it.");
            incidents.post("/api/v1/incidents/" + incident + "/resolve", "{\"message\":\"Renewed; payments work again.\"}").expect(200);
            incidents.put("/api/v1/incidents/" + incident + "/postmortem", "{\"body\":\"# Expired certificate\\nRenewal now alerts 30 days ahead.\"}")
                    .expect(200);

            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() >= 4);
            // Deliveries run in parallel and may arrive in any order; receivers order them by data.version.
            List<WebhookReceiver.Received> webhooks = receiver.received().stream()
                    .sorted(java.util.Comparator.comparingLong(WebhookReceiver.Received::version)).toList();
            assertThat(webhooks).extracting(r -> r.json().path("type").asString())
                    .containsExactly("incident.opened", "incident.updated", "incident.resolved", "postmortem.published");
            assertThat(webhooks).extracting(WebhookReceiver.Received::webhookId).doesNotHaveDuplicates();
            for (WebhookReceiver.Received webhook : webhooks) {
                new Webhook(secret).verify(webhook.body(), webhook.headers());
            }
            assertThat(webhooks.get(0).headers().firstValue("traceparent")).hasValueSatisfying(
                    traceparent -> assertThat(traceparent).startsWith("00-" + traceId + "-"));
            await().atMost(Duration.ofSeconds(60)).until(() -> mailTo(email).stream()
                    .anyMatch(m -> String.valueOf(m.get("subject")).contains("Resolved")));
            assertThat(mailTo(email)).extracting(m -> String.valueOf(m.get("subject")))
                    .anyMatch(subject -> subject.startsWith("Sitrep: [Major] Checkout failing"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode read = timeline.as(null).get("/api/v1/incidents/" + incident).expect(200).json();
                assertThat(read.path("status").asString()).isEqualTo("resolved");
                assertThat(read.path("postmortem").path("body").asString()).startsWith("# Expired certificate");
                assertThat(read.path("timeline")).hasSize(3);
            });
            // /api/v2 is answered from the public snapshot, rebuilt just after the read models change.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode summary = timeline.as(null).get("/api/v2/summary.json").expect(200).json();
                assertThat(summary.path("components").valueStream().filter(c -> c.path("id").asString().equals(component)))
                        .singleElement().satisfies(c -> assertThat(c.path("status").asString()).isEqualTo("operational"));
                assertThat(summary.path("incidents").valueStream().map(i -> i.path("id").asString())).doesNotContain(incident);
            });
        }
    }

    private String awaitMail(String to, String subjectPart) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(to).stream().anyMatch(m -> String.valueOf(m.get("subject")).contains(subjectPart)));
        return mailTo(to).stream().filter(m -> String.valueOf(m.get("subject")).contains(subjectPart)).findFirst()
                .map(m -> String.valueOf(m.get("body"))).orElseThrow();
    }

    private List<Map<String, Object>> mailTo(String to) {
        return stack.receivedMail().stream().filter(m -> String.valueOf(m.get("to")).contains(to)).toList();
    }
}
