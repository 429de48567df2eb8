package io.sitrep.incidentservice.integration;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentResolved;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.incidentservice.IntegrationTest;
import io.sitrep.testsupport.Api;
import io.sitrep.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** PagerDuty Events API v2-shaped events, with the routing key as credential, through to the Kafka events. */
class AlertEventsIT extends IntegrationTest {

    private static final String PATH = "/api/v1/integrations/events";

    private Api anonymous;
    private String dedupKey;

    @BeforeEach
    void setUp() {
        anonymous = api.as(null);
        dedupKey = "checkout-latency-" + UUID.randomUUID();
        api.put("/api/v1/components/checkout", "{\"name\":\"Checkout\",\"group\":\"Shop\"}");
    }

    @Test
    void aTriggerOpensAnIncidentAndAnswersAsPagerDutyDoes() {
        Api.Response response = anonymous.post(PATH, trigger("critical")).expect(202);

        JsonNode body = response.json();
        assertThat(body.get("status").asString()).isEqualTo("success");
        assertThat(body.get("message").asString()).isEqualTo("Event processed");
        assertThat(body.get("dedup_key").asString()).isEqualTo(dedupKey);
        String id = incidentOf(dedupKey);
        IncidentOpened opened = (IncidentOpened) decode(awaitEvents(id, 1).get(0));
        assertThat(opened.incident().title()).isEqualTo("Checkout p99 latency above 2s");
        assertThat(opened.incident().impact()).isEqualTo(Impact.CRITICAL);
        assertThat(opened.incident().components()).extracting(c -> c.id()).containsExactly("checkout");
        assertThat(opened.update().message()).contains("Source: prometheus-eu-west-1");
    }

    @Test
    void aDuplicateTriggerChangesNothingAndAChangedOneUpdates() {
        anonymous.post(PATH, trigger("error")).expect(202);
        String id = incidentOf(dedupKey);

        anonymous.post(PATH, trigger("error")).expect(202);
        anonymous.post(PATH, trigger("critical")).expect(202);

        awaitEvents(id, 2);
        IncidentUpdated escalated = (IncidentUpdated) decode(topic.recordsSoFar(TopicReader.keyed(id)).get(1));
        assertThat(escalated.incident().impact()).isEqualTo(Impact.CRITICAL);
        assertThat(topic.recordsSoFar(TopicReader.keyed(id))).hasSize(2);
    }

    @Test
    void acknowledgeMovesToIdentifiedResolveResolvesAndAReTriggerOpensANewIncident() {
        anonymous.post(PATH, trigger("warning")).expect(202);
        String first = incidentOf(dedupKey);

        anonymous.post(PATH, action("acknowledge")).expect(202);
        anonymous.post(PATH, action("acknowledge")).expect(202);
        anonymous.post(PATH, action("resolve")).expect(202);
        anonymous.post(PATH, action("resolve")).expect(202);
        anonymous.post(PATH, trigger("warning")).expect(202);

        var events = awaitEvents(first, 3).stream().map(this::decode).toList();
        assertThat(((IncidentUpdated) events.get(1)).incident().status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(events.get(2)).isInstanceOf(IncidentResolved.class);
        assertThat(topic.recordsSoFar(TopicReader.keyed(first))).hasSize(3);
        assertThat(incidentOf(dedupKey)).isNotEqualTo(first);
    }

    @Test
    void aTriggerWithoutDedupKeyGetsOne() {
        String body = trigger("info").replace("\"dedup_key\": \"" + dedupKey + "\",", "");

        String generated = anonymous.post(PATH, body).expect(202).json().get("dedup_key").asString();

        assertThat(generated).isNotBlank().isNotEqualTo(dedupKey);
        assertThat(incidentOf(generated)).isNotNull();
    }

    @Test
    void invalidEventsAreBadRequestsNamingTheField() {
        long before = count("incidents");

        assertField(anonymous.post(PATH, trigger("critical").replace("\"event_action\": \"trigger\"", "\"event_action\": \"escalate\"")), "event_action");
        assertField(anonymous.post(PATH, trigger("fatal")), "payload.severity");
        assertField(anonymous.post(PATH, trigger("critical").replace("\"source\": \"prometheus-eu-west-1\",", "")), "payload.source");
        assertField(anonymous.post(PATH, "{\"routing_key\": \"" + ALERTS_KEY + "\", \"event_action\": \"trigger\"}"), "payload");
        assertField(anonymous.post(PATH, "{\"routing_key\": \"" + ALERTS_KEY + "\", \"event_action\": \"resolve\"}"), "dedup_key");
        assertField(anonymous.post(PATH, "{\"event_action\": \"resolve\", \"dedup_key\": \"x\"}"), "routing_key");

        assertThat(count("incidents")).isEqualTo(before);
    }

    @Test
    void anUnknownRoutingKeyIsUnauthorizedAndOneWithoutTheScopeForbidden() {
        anonymous.post(PATH, trigger("critical").replace(ALERTS_KEY, "not-a-key")).expectProblem(401, "invalid-api-key");
        anonymous.post(PATH, trigger("critical").replace(ALERTS_KEY, READER_KEY)).expectProblem(403, "insufficient-scope");
    }

    private void assertField(Api.Response response, String field) {
        JsonNode problem = response.expectProblem(400, "validation-failed");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString())).contains(field);
    }

    private String incidentOf(String key) {
        return jdbc.sql("SELECT incident_id::text FROM integration_links WHERE source = 'events' AND dedup_key = ?")
                .param(key).query(String.class).single();
    }

    private String trigger(String severity) {
        return """
                {
                  "routing_key": "%s",
                  "event_action": "trigger",
                  "dedup_key": "%s",
                  "payload": {
                    "summary": "Checkout p99 latency above 2s",
                    "source": "prometheus-eu-west-1",
                    "severity": "%s",
                    "timestamp": "2026-10-20T07:02:13.512+00:00",
                    "component": "checkout",
                    "group": "shop",
                    "class": "latency",
                    "custom_details": {"p99_ms": 2380, "threshold_ms": 2000}
                  },
                  "client": "Prometheus",
                  "client_url": "http://prometheus.example:9090",
                  "links": [{"href": "http://grafana.example/d/checkout", "text": "Checkout dashboard"}],
                  "images": []
                }""".formatted(ALERTS_KEY, dedupKey, severity);
    }

    private String action(String action) {
        return """
                {"routing_key": "%s", "event_action": "%s", "dedup_key": "%s"}""".formatted(ALERTS_KEY, action, dedupKey);
    }
}
