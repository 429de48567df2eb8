package io.sitrep.incidentservice.integration;

import io.sitrep.incidentservice.IntegrationTest;
import io.sitrep.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: PagerDuty's client libraries can change only the host, and always POST {@code /v2/enqueue}. The bodies
 * here have the shapes those clients send: a client library's trigger (all of PagerDuty's optional fields) and
 * Alertmanager's {@code pagerduty_configs} (trigger and resolve only, the dedup key a SHA-256 of the group key).
 */
class PagerDutyEnqueueIT extends IntegrationTest {

    private static final String ENQUEUE = "/v2/enqueue";

    private Api anonymous;

    @BeforeEach
    void setUp() {
        anonymous = api.as(null);
        api.put("/api/v1/components/checkout", "{\"name\":\"Checkout\",\"group\":\"Shop\"}");
    }

    @Test
    void aClientLibrarysTriggerOnPagerDutysPathOpensAnIncidentAndIsAnsweredAsPagerDutyDoes() {
        String dedupKey = "disk-full-" + UUID.randomUUID();

        Api.Response answer = anonymous.post(ENQUEUE, """
                {
                  "routing_key": "%s",
                  "event_action": "trigger",
                  "dedup_key": "%s",
                  "payload": {
                    "summary": "Disk almost full on db-3",
                    "timestamp": "2026-11-30T22:14:05.000Z",
                    "source": "db-3.eu-west-1",
                    "severity": "error",
                    "component": "postgres",
                    "group": "prod-datapipe",
                    "class": "disk",
                    "custom_details": {"free space": "1%%", "ping time": "1500ms", "load avg": 0.75}
                  },
                  "images": [{"src": "https://chart.example/disk.png", "href": "https://grafana.example/", "alt": "Disk usage"}],
                  "links": [{"href": "https://runbooks.example/disk", "text": "Runbook"}],
                  "client": "Sample Monitoring Service",
                  "client_url": "https://monitoring.example.com"
                }""".formatted(ALERTS_KEY, dedupKey)).expect(202);

        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode body = answer.json();
        assertThat(body.get("status").asString()).isEqualTo("success");
        assertThat(body.get("message").asString()).isEqualTo("Event processed");
        assertThat(body.get("dedup_key").asString()).isEqualTo(dedupKey);
        assertThat(linked(dedupKey)).isEqualTo(1);
    }

    @Test
    void alertmanagersPagerDutyTriggerAndResolveOpenAndResolveOneIncident() {
        // Alertmanager's dedup key: the SHA-256 of the alert group's key, in hex.
        String dedupKey = "5b3a0f6c2d0e1a9b7c4d8e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b";

        anonymous.post(ENQUEUE, alertmanager("trigger", dedupKey)).expect(202);
        anonymous.post(ENQUEUE, alertmanager("resolve", dedupKey)).expect(202);

        String incident = jdbc.sql("SELECT incident_id::text FROM integration_links WHERE source = 'events' AND dedup_key = ?")
                .param(dedupKey).query(String.class).single();
        assertThat(jdbc.sql("SELECT status FROM incidents WHERE id = ?::uuid").param(incident).query(String.class).single())
                .isEqualTo("resolved");
    }

    @Test
    void anInvalidEventIsRefusedWithPagerDutysBodyNamingTheFieldsAndChangesNothing() {
        long before = count("incidents");

        Api.Response answer = anonymous.post(ENQUEUE, """
                {"routing_key": "%s", "event_action": "trigger", "payload": {"summary": "", "source": "web-1", "severity": "fatal"}}"""
                .formatted(ALERTS_KEY));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode body = answer.json();
        assertThat(body.get("status").asString()).isEqualTo("invalid event");
        assertThat(body.get("message").asString()).isEqualTo("Event object is invalid");
        assertThat(body.get("errors").valueStream().map(JsonNode::asString))
                .anySatisfy(error -> assertThat(error).startsWith("'payload.summary' "))
                .anySatisfy(error -> assertThat(error).startsWith("'payload.severity' "));
        assertThat(count("incidents")).isEqualTo(before);
    }

    @Test
    void malformedJsonOnPagerDutysPathIsAnInvalidEventToo() {
        Api.Response answer = anonymous.post(ENQUEUE, "{\"routing_key\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("status").asString()).isEqualTo("invalid event");
        assertThat(answer.json().get("errors").size()).isPositive();
    }

    @Test
    void changeEventsAreRefusedClearlySoThatClientsDoNotRetry() {
        Api.Response answer = anonymous.post("/v2/change/enqueue", """
                {"routing_key": "%s", "payload": {"summary": "Build 4471 deployed", "source": "ci"}}""".formatted(ALERTS_KEY));

        assertThat(answer.status()).isEqualTo(400);
        JsonNode body = answer.json();
        assertThat(body.get("status").asString()).isEqualTo("invalid event");
        assertThat(body.get("message").asString()).isEqualTo("Change events are not supported");
        assertThat(body.get("errors").get(0).asString()).contains("/v2/enqueue");
    }

    @Test
    void anUnknownRoutingKeyIsUnauthorizedOnPagerDutysPathAsOnSitrepsOwn() {
        anonymous.post(ENQUEUE, alertmanager("trigger", "k-" + UUID.randomUUID()).replace(ALERTS_KEY, "not-a-key"))
                .expectProblem(401, "invalid-api-key");
        anonymous.post(ENQUEUE, alertmanager("trigger", "k-" + UUID.randomUUID()).replace(ALERTS_KEY, READER_KEY))
                .expectProblem(403, "insufficient-scope");
    }

    private long linked(String dedupKey) {
        return jdbc.sql("SELECT count(*) FROM integration_links WHERE source = 'events' AND dedup_key = ?")
                .param(dedupKey).query(Long.class).single();
    }

    /** What Alertmanager's PagerDuty notifier sends (Events API v2), with its default templates filled in. */
    private static String alertmanager(String action, String dedupKey) {
        return """
                {
                  "routing_key": "%s",
                  "dedup_key": "%s",
                  "event_action": "%s",
                  "payload": {
                    "summary": "[FIRING:1] CheckoutErrors (checkout critical)",
                    "source": "Alertmanager",
                    "severity": "critical",
                    "custom_details": {
                      "firing": "Labels:\\n - alertname = CheckoutErrors\\n - service = checkout\\n - severity = critical\\nAnnotations:\\n - summary = 5xx above 5%%\\nSource: http://prometheus:9090/graph\\n",
                      "num_firing": "1",
                      "num_resolved": "0",
                      "resolved": ""
                    }
                  },
                  "images": [],
                  "links": [],
                  "client": "Alertmanager",
                  "client_url": "http://alertmanager:9093/#/alerts?receiver=pagerduty"
                }""".formatted(ALERTS_KEY, dedupKey, action);
    }
}
