package io.sitrep.incidentservice.integration;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentResolved;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.events.SitrepEvent;
import io.sitrep.incidentservice.IntegrationTest;
import io.sitrep.testsupport.Api;
import io.sitrep.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Alertmanager's webhook, with payloads shaped as Alertmanager sends them, through to the Kafka events. */
class AlertmanagerIT extends IntegrationTest {

    private static final String PATH = "/api/v1/integrations/alertmanager";

    private String groupKey;
    private Api alertmanager;

    @BeforeEach
    void aGroupOfOurOwn() {
        groupKey = "{}/{severity=~\"critical|warning\"}:{alertname=\"CheckoutErrorRate\",run=\"" + UUID.randomUUID() + "\"}";
        alertmanager = api.as(ALERTS_KEY);
        api.put("/api/v1/components/checkout", "{\"name\":\"Checkout\",\"group\":\"Shop\"}");
    }

    @Test
    void aFiringGroupOpensAnIncidentWithImpactTitleAndComponentFromItsLabels() {
        JsonNode received = alertmanager.post(PATH, notification("firing", alert("a1", "firing", "critical", "web-1"))).expect(200).json();

        assertThat(received.get("outcome").asString()).isEqualTo("opened");
        String id = received.get("incidentId").asString();
        IncidentOpened opened = (IncidentOpened) decode(awaitEvents(id, 1).get(0));
        assertThat(opened.incident().title()).isEqualTo("Checkout error rate above 5%");
        assertThat(opened.incident().impact()).isEqualTo(Impact.CRITICAL);
        assertThat(opened.incident().components()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("checkout");
            assertThat(c.status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        });
        assertThat(opened.update().message()).contains("5xx responses from checkout").contains("CheckoutErrorRate on web-1");
        assertThat(opened.occurredAt()).hasToString("2026-10-20T07:02:13.512Z");
    }

    @Test
    void repeatsOfTheSameNotificationCreateNoDuplicatesAndNoNoise() {
        String firing = notification("firing", alert("a1", "firing", "critical", "web-1"));
        String id = alertmanager.post(PATH, firing).expect(200).json().get("incidentId").asString();

        JsonNode repeat = alertmanager.post(PATH, firing).expect(200).json();
        JsonNode again = alertmanager.post(PATH, firing).expect(200).json();

        assertThat(repeat.get("outcome").asString()).isEqualTo("unchanged");
        assertThat(again.get("incidentId").asString()).isEqualTo(id);
        awaitEvents(id, 1);
        assertThat(topic.recordsSoFar(TopicReader.keyed(id))).hasSize(1);
        assertThat(api.get("/api/v1/incidents/" + id).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aNewAlertInTheGroupAndAPartialResolutionUpdateTheIncident() {
        String id = alertmanager.post(PATH, notification("firing", alert("a1", "firing", "warning", "web-1")))
                .expect(200).json().get("incidentId").asString();

        JsonNode grown = alertmanager.post(PATH, notification("firing",
                alert("a1", "firing", "warning", "web-1"), alert("a2", "firing", "critical", "web-2"))).expect(200).json();
        JsonNode partly = alertmanager.post(PATH, notification("firing",
                alert("a1", "resolved", "warning", "web-1"), alert("a2", "firing", "critical", "web-2"))).expect(200).json();

        assertThat(grown.get("outcome").asString()).isEqualTo("updated");
        assertThat(partly.get("outcome").asString()).isEqualTo("updated");
        List<SitrepEvent> events = awaitEvents(id, 3).stream().map(this::decode).toList();
        IncidentUpdated escalated = (IncidentUpdated) events.get(1);
        assertThat(escalated.incident().impact()).isEqualTo(Impact.CRITICAL);
        assertThat(escalated.update().message()).contains("2 alerts firing");
        assertThat(((IncidentUpdated) events.get(2)).update().message()).contains("1 alert firing, 1 resolved");
    }

    @Test
    void aResolvedGroupResolvesTheIncidentAndAFiringAfterThatOpensANewOne() {
        String id = alertmanager.post(PATH, notification("firing", alert("a1", "firing", "critical", "web-1")))
                .expect(200).json().get("incidentId").asString();

        JsonNode resolved = alertmanager.post(PATH, notification("resolved", alert("a1", "resolved", "critical", "web-1"))).expect(200).json();
        JsonNode resentResolved = alertmanager.post(PATH, notification("resolved", alert("a1", "resolved", "critical", "web-1"))).expect(200).json();
        JsonNode refired = alertmanager.post(PATH, notification("firing", alert("a1", "firing", "critical", "web-1"))).expect(200).json();

        assertThat(resolved.get("outcome").asString()).isEqualTo("resolved");
        assertThat(resentResolved.get("outcome").asString()).isEqualTo("unchanged");
        IncidentResolved resolution = (IncidentResolved) decode(awaitEvents(id, 2).get(1));
        assertThat(resolution.incident().resolvedAt()).hasToString("2026-10-20T08:40:00Z");
        assertThat(refired.get("outcome").asString()).isEqualTo("opened");
        assertThat(refired.get("incidentId").asString()).isNotEqualTo(id);
    }

    @Test
    void aGroupWithoutAComponentLabelAffectsTheKeysDefaultComponent() {
        String body = notification("firing", alert("a1", "firing", "warning", "web-1")).replace("\"component\": \"checkout\",", "");

        String id = alertmanager.post(PATH, body).expect(200).json().get("incidentId").asString();

        IncidentOpened opened = (IncidentOpened) decode(awaitEvents(id, 1).get(0));
        assertThat(opened.incident().components()).extracting(c -> c.id()).containsExactly("checkout");
        assertThat(opened.incident().components().get(0).status()).isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
    }

    @Test
    void alertmanagerMustSendAKnownBearerTokenWithTheWriteScope() {
        String firing = notification("firing", alert("a1", "firing", "critical", "web-1"));

        api.as(null).post(PATH, firing).expectProblem(401, "unauthenticated");
        api.as("wrong-token").post(PATH, firing).expectProblem(401, "invalid-api-key");
        api.as(READER_KEY).post(PATH, firing).expectProblem(403, "insufficient-scope");
    }

    @Test
    void aNotificationWithoutAlertsIsABadRequestNamingTheField() {
        JsonNode problem = alertmanager.post(PATH, """
                {"version":"4","groupKey":"g","status":"firing","receiver":"sitrep","alerts":[]}""")
                .expectProblem(400, "validation-failed");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("alerts");
    }

    private String notification(String status, String... alerts) {
        return """
                {
                  "version": "4",
                  "groupKey": %s,
                  "truncatedAlerts": 0,
                  "status": "%s",
                  "receiver": "sitrep",
                  "groupLabels": {"alertname": "CheckoutErrorRate"},
                  "commonLabels": {"alertname": "CheckoutErrorRate", "job": "checkout", "component": "checkout"},
                  "commonAnnotations": {
                    "summary": "Checkout error rate above 5%%",
                    "description": "More than 5%% of requests end in 5xx responses from checkout."
                  },
                  "externalURL": "http://alertmanager.example:9093",
                  "alerts": [%s]
                }""".formatted(quoted(groupKey), status, String.join(",", alerts));
    }

    private static String alert(String fingerprint, String status, String severity, String instance) {
        String endsAt = status.equals("resolved") ? "2026-10-20T08:40:00Z" : "0001-01-01T00:00:00Z";
        return """
                {
                  "status": "%s",
                  "labels": {"alertname": "CheckoutErrorRate", "job": "checkout", "instance": "%s",
                             "severity": "%s", "component": "checkout"},
                  "annotations": {"summary": "Checkout error rate above 5%%",
                                  "description": "More than 5%% of requests end in 5xx responses from checkout."},
                  "startsAt": "2026-10-20T07:02:13.512Z",
                  "endsAt": "%s",
                  "generatorURL": "http://prometheus.example:9090/graph?g0.expr=checkout_5xx_ratio+%%3E+0.05",
                  "fingerprint": "%s"
                }""".formatted(status, instance, severity, endsAt, fingerprint);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
