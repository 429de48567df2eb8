package io.sitrep.incidentservice.integration;

import io.sitrep.events.IncidentOpened;
import io.sitrep.incidentservice.IntegrationTest;
import io.sitrep.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue "hostile input": what alerting tools send is never refused for its text, its size or its
 * times, since a refused alert is lost. Unsafe characters become U+FFFD, the REST API's limits are
 * applied by cutting and capping, and out-of-range times give way to the time of receipt.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileAlertsIT extends IntegrationTest {

    private static final String ALERTMANAGER = "/api/v1/integrations/alertmanager";
    private static final String EVENTS = "/api/v1/integrations/events";

    private Api alerts;

    @BeforeEach
    void setUp() {
        alerts = api.as(ALERTS_KEY);
        api.put("/api/v1/components/checkout", "{\"name\":\"Checkout\",\"group\":\"Shop\"}");
    }

    @Test
    void controlCharactersInAnAlertmanagerNotificationBecomeReplacementCharacters() {
        String body = notification(UUID.randomUUID().toString(), "Disk\\u0000full on \\ud800web-1\\u001b[2J", List.of("checkout"),
                "0001-01-01T00:00:00Z");

        JsonNode received = alerts.post(ALERTMANAGER, body).expect(200).json();

        assertThat(received.get("outcome").asString()).isEqualTo("opened");
        String id = received.get("incidentId").asString();
        JsonNode incident = api.get("/api/v1/incidents/" + id).expect(200).json();
        assertThat(incident.get("title").asString()).isEqualTo("Disk\uFFFDfull on \uFFFDweb-1\uFFFD[2J");
    }

    @Test
    void anAlertmanagerStartInYearOneOpensTheIncidentAtTheTimeOfReceipt() {
        Instant before = Instant.now().minusSeconds(1);
        String body = notification(UUID.randomUUID().toString(), "Started in year one", List.of("checkout"), "0001-01-01T00:00:00Z");

        String id = alerts.post(ALERTMANAGER, body).expect(200).json().get("incidentId").asString();

        IncidentOpened opened = (IncidentOpened) decode(awaitEvents(id, 1).get(0));
        assertThat(opened.occurredAt()).isAfter(before);
    }

    @Test
    void sixtyComponentsFromAlertmanagerAreCappedAtTheRestLimitWithANote() {
        // issue "hostile input": an Alertmanager payload opened an incident with 60 components while the REST limit is 50
        List<String> components = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            components.add(aComponent("many", "Part " + i));
        }

        String id = alerts.post(ALERTMANAGER, notification(UUID.randomUUID().toString(), "Everything is down", components,
                "2026-10-20T07:02:13Z")).expect(200).json().get("incidentId").asString();

        JsonNode incident = api.get("/api/v1/incidents/" + id).expect(200).json();
        assertThat(incident.get("components")).hasSize(Texts.COMPONENT_LIMIT);
        assertThat(incident.get("components").get(0).get("id").asString()).isEqualTo(components.get(0));
        assertThat(incident.get("updates").get(0).get("message").asString()).contains("10 more components");
    }

    @Test
    void aLongGroupKeyIsShortenedAndStillRecognisesRepeats() {
        String groupKey = "{}:{alertname=\"" + "x".repeat(5000) + "\",run=\"" + UUID.randomUUID() + "\"}";
        String body = notification(groupKey, "Long group key", List.of("checkout"), "2026-10-20T07:02:13Z");

        JsonNode first = alerts.post(ALERTMANAGER, body).expect(200).json();
        JsonNode repeat = alerts.post(ALERTMANAGER, body).expect(200).json();

        assertThat(first.get("outcome").asString()).isEqualTo("opened");
        assertThat(repeat.get("outcome").asString()).isEqualTo("unchanged");
        assertThat(repeat.get("incidentId").asString()).isEqualTo(first.get("incidentId").asString());
    }

    @Test
    void aDedupKeyWithCarriageReturnAndLineFeedCannotForgeALogLine(CapturedOutput output) {
        // issue "hostile input": a PagerDuty dedup_key with \r\n forged a log line
        String dedupKey = "key-" + UUID.randomUUID() + "\\r\\n2026-12-01T00:00:00Z  INFO forged line";

        api.as(null).post(EVENTS, event(dedupKey, "Checkout p99 latency above 2s")).expect(202);

        assertThat(output.getOut()).contains("\\r\\n2026-12-01T00:00:00Z  INFO forged line")
                .doesNotContain("\n2026-12-01T00:00:00Z  INFO forged line");
    }

    @Test
    void controlCharactersInAnEventBecomeReplacementCharactersAndTheIncidentExists() {
        String dedupKey = "nul-" + UUID.randomUUID();

        JsonNode accepted = api.as(null).post(EVENTS, event(dedupKey, "Queue\\u0000stuck \\uffff")).expect(202).json();

        assertThat(accepted.get("dedup_key").asString()).isEqualTo(dedupKey);
        String id = jdbc.sql("SELECT incident_id FROM integration_links WHERE dedup_key = ?").param(dedupKey)
                .query(UUID.class).single().toString();
        assertThat(api.get("/api/v1/incidents/" + id).json().get("title").asString()).isEqualTo("Queue\uFFFDstuck \uFFFD");
    }

    @Test
    void aSummaryOverTheTitleLimitIsCutNotRefused() {
        String dedupKey = "long-" + UUID.randomUUID();

        api.as(null).post(EVENTS, event(dedupKey, "s".repeat(5000))).expect(202);

        String id = jdbc.sql("SELECT incident_id FROM integration_links WHERE dedup_key = ?").param(dedupKey)
                .query(UUID.class).single().toString();
        JsonNode incident = api.get("/api/v1/incidents/" + id).json();
        assertThat(incident.get("title").asString()).hasSize(Texts.TITLE_LIMIT).endsWith("…");
    }

    private static String notification(String groupKey, String summary, List<String> components, String startsAt) {
        List<String> alerts = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            alerts.add("""
                    {"status":"firing","labels":{"alertname":"Down","instance":"web-%d","severity":"critical","component":"%s"},
                     "annotations":{},"startsAt":"%s","endsAt":"0001-01-01T00:00:00Z","fingerprint":"f%d"}"""
                    .formatted(i, components.get(i), startsAt, i));
        }
        return """
                {"version":"4","groupKey":"%s","status":"firing","receiver":"sitrep",
                 "commonAnnotations":{"summary":"%s"},"alerts":[%s]}"""
                .formatted(groupKey.replace("\\", "\\\\").replace("\"", "\\\""), summary, String.join(",", alerts));
    }

    private static String event(String dedupKey, String summary) {
        return """
                {"routing_key":"%s","event_action":"trigger","dedup_key":"%s",
                 "payload":{"summary":"%s","source":"prometheus","severity":"error"}}"""
                .formatted(ALERTS_KEY, dedupKey, summary);
    }
}
