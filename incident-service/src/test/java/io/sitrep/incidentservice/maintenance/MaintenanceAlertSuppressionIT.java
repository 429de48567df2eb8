package io.sitrep.incidentservice.maintenance;

import io.sitrep.incidentservice.IntegrationTest;
import io.sitrep.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An alert for a component under maintenance opens no incident; it is answered as suppressed and counted. */
class MaintenanceAlertSuppressionIT extends IntegrationTest {

    private static final String ALERTMANAGER = "/api/v1/integrations/alertmanager";
    private static final String EVENTS = "/api/v1/integrations/events";

    private Api admin;
    private Api alerts;
    private String database;
    private String window;

    @BeforeEach
    void aWindowInProgressOnTheDatabase() {
        admin = api.as(ADMIN_KEY);
        alerts = api.as(ALERTS_KEY);
        database = aComponent("db", "Primary database");
        Instant startsAt = Instant.now().plus(Duration.ofHours(1));
        window = admin.post("/api/v1/maintenances", """
                {"title":"Database upgrade","message":"Failover expected.","components":["%s"],
                 "scheduledFor":"%s","scheduledUntil":"%s"}""".formatted(database, startsAt, startsAt.plus(Duration.ofHours(1))))
                .expect(201).json().get("id").asString();
        admin.post("/api/v1/maintenances/" + window + "/start", null).expect(200);
    }

    @Test
    void anAlertmanagerAlertForAComponentUnderMaintenanceIsSuppressedAndCounted() {
        long incidentsBefore = count("incidents");
        double suppressedBefore = suppressed("alertmanager");

        Api.Response response = alerts.post(ALERTMANAGER, alertmanager(database));

        JsonNode received = response.expect(202).json();
        assertThat(received.get("outcome").asString()).isEqualTo("suppressed");
        assertThat(received.get("incidentId").isNull()).isTrue();
        assertThat(count("incidents")).isEqualTo(incidentsBefore);
        assertThat(suppressed("alertmanager")).isEqualTo(suppressedBefore + 1);
        assertThat(admin.get("/api/v1/components/" + database).json().get("status").asString()).isEqualTo("under_maintenance");
    }

    @Test
    void aPagerDutyStyleTriggerForAComponentUnderMaintenanceIsAcceptedAsSuppressed() {
        long incidentsBefore = count("incidents");

        JsonNode accepted = api.as(null).post(EVENTS, trigger(database)).expect(202).json();

        assertThat(accepted.get("message").asString()).startsWith("Event suppressed");
        assertThat(count("incidents")).isEqualTo(incidentsBefore);
        assertThat(suppressed("events")).isPositive();
    }

    @Test
    void anAlertForAComponentOutsideTheWindowStillOpensAnIncident() {
        String other = aComponent("web", "Website");

        JsonNode received = alerts.post(ALERTMANAGER, alertmanager(other)).expect(200).json();

        assertThat(received.get("outcome").asString()).isEqualTo("opened");
    }

    @Test
    void aKeyConfiguredNotToBeSuppressedOpensAnIncidentDuringTheWindow() {
        JsonNode received = api.post(ALERTMANAGER, alertmanager(database)).expect(200).json();

        assertThat(received.get("outcome").asString()).isEqualTo("opened");
        assertThat(received.get("incidentId").asString()).isNotBlank();
    }

    @Test
    void onceTheWindowIsCompletedTheSameAlertOpensAnIncident() {
        alerts.post(ALERTMANAGER, alertmanager(database)).expect(202);
        admin.post("/api/v1/maintenances/" + window + "/complete", null).expect(200);

        JsonNode received = alerts.post(ALERTMANAGER, alertmanager(database)).expect(200).json();

        assertThat(received.get("outcome").asString()).isEqualTo("opened");
        assertThat(admin.get("/api/v1/components/" + database).json().get("status").asString()).isNotEqualTo("under_maintenance");
    }

    private double suppressed(String source) {
        return api.as(null).get("/actuator/prometheus").expect(200).body().lines()
                .filter(line -> line.startsWith("sitrep_alerts_suppressed_total{") && line.contains("source=\"" + source + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String alertmanager(String component) {
        String groupKey = "{}:{alertname=DatabaseDown,run=" + UUID.randomUUID() + "}";
        return """
                {
                  "version": "4",
                  "groupKey": "%s",
                  "status": "firing",
                  "receiver": "sitrep",
                  "groupLabels": {"alertname": "DatabaseDown"},
                  "commonLabels": {"alertname": "DatabaseDown", "component": "%s"},
                  "commonAnnotations": {"summary": "Database unreachable"},
                  "externalURL": "http://alertmanager.example:9093",
                  "alerts": [{
                    "status": "firing",
                    "labels": {"alertname": "DatabaseDown", "severity": "critical", "component": "%s"},
                    "annotations": {"summary": "Database unreachable"},
                    "startsAt": "2026-10-20T07:02:13.512Z",
                    "endsAt": "0001-01-01T00:00:00Z",
                    "fingerprint": "f1"
                  }]
                }""".formatted(groupKey, component, component);
    }

    private static String trigger(String component) {
        return """
                {"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
                 "payload": {"summary": "Database unreachable", "source": "prometheus", "severity": "critical", "component": "%s"}}"""
                .formatted(ALERTS_KEY, UUID.randomUUID(), component);
    }
}
