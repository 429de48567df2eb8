package io.sitrep.incidentservice.incident.web;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.ComponentStatusChanged;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentPublished;
import io.sitrep.events.IncidentResolved;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.Visibility;
import io.sitrep.incidentservice.IntegrationTest;
import io.sitrep.testsupport.Api;
import io.sitrep.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: alerts open internal incidents that responders publish; the REST API opens public ones unless told otherwise. */
class VisibilityIT extends IntegrationTest {

    private static final String ALERTMANAGER = "/api/v1/integrations/alertmanager";

    private String component;

    @BeforeEach
    void aComponentOfOurOwn() {
        component = aComponent("pay", "Payments");
    }

    @Test
    void anAlertOpensAnInternalIncidentThatLeavesThePublicComponentStatusAlone() {
        JsonNode received = api.as(ALERTS_KEY).post(ALERTMANAGER, firing(UUID.randomUUID().toString())).expect(200).json();

        String id = received.get("incidentId").asString();
        IncidentOpened opened = (IncidentOpened) decode(awaitEvents(id, 1).get(0));
        assertThat(opened.incident().visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(opened.actor()).isEqualTo("alerts");
        assertThat(opened.incident().components()).extracting(c -> c.id()).containsExactly(component);
        assertThat(api.get("/api/v1/incidents/" + id).json().get("visibility").asString()).isEqualTo("internal");
        assertThat(api.get("/api/v1/components/" + component).json().get("status").asString()).isEqualTo("operational");
        assertThat(topic.recordsSoFar(TopicReader.keyed(component)).stream().map(this::decode))
                .noneMatch(e -> e instanceof ComponentStatusChanged);
    }

    @Test
    void aKeyConfiguredForPublicIncidentsOpensPublicOnesFromAlerts() {
        JsonNode received = api.as(PUBLIC_ALERTS_KEY).post(ALERTMANAGER, firing(UUID.randomUUID().toString())).expect(200).json();

        IncidentOpened opened = (IncidentOpened) decode(awaitEvents(received.get("incidentId").asString(), 1).get(0));
        assertThat(opened.incident().visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(api.get("/api/v1/components/" + component).json().get("status").asString()).isEqualTo("major_outage");
    }

    @Test
    void theRestApiOpensPublicIncidentsUnlessTheRequestSaysInternal() {
        String open = "{\"title\":\"Slow search\",\"message\":\"Looking.\"}";
        String internal = "{\"title\":\"Disk filling on db-2\",\"message\":\"Looking.\",\"visibility\":\"internal\"}";

        JsonNode opened = api.post("/api/v1/incidents", open).expect(201).json();
        JsonNode hidden = api.post("/api/v1/incidents", internal).expect(201).json();

        assertThat(opened.get("visibility").asString()).isEqualTo("public");
        assertThat(hidden.get("visibility").asString()).isEqualTo("internal");
        assertThat(((IncidentOpened) decode(awaitEvents(hidden.get("id").asString(), 1).get(0))).incident().visibility())
                .isEqualTo(Visibility.INTERNAL);
    }

    @Test
    void anUnknownVisibilityIsABadRequestNamingTheField() {
        JsonNode problem = api.post("/api/v1/incidents", "{\"title\":\"T\",\"message\":\"M\",\"visibility\":\"secret\"}")
                .expectProblem(400, "malformed-request");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("visibility");
    }

    @Test
    void publishingGivesTheCustomerTitleAndMessageAndSetsTheComponentsNow() {
        String id = api.as(ALERTS_KEY).post(ALERTMANAGER, firing(UUID.randomUUID().toString())).expect(200).json()
                .get("incidentId").asString();

        JsonNode published = api.as(CONSOLE_KEY).send("POST", "/api/v1/incidents/" + id + "/publish",
                "{\"title\":\"Card payments failing\",\"message\":\"Some card payments fail; we are on it.\",\"impact\":\"major\"}",
                java.util.Map.of("Sitrep-Actor", "Dana Whitfield")).expect(200).json();

        assertThat(published.get("visibility").asString()).isEqualTo("public");
        assertThat(published.get("title").asString()).isEqualTo("Card payments failing");
        List<SitrepEvent> events = awaitEvents(id, 2).stream().map(this::decode).toList();
        IncidentPublished event = (IncidentPublished) events.get(1);
        assertThat(event.previousTitle()).isEqualTo("Payments error rate above 5%");
        assertThat(event.incident().title()).isEqualTo("Card payments failing");
        assertThat(event.incident().impact()).isEqualTo(Impact.MAJOR);
        assertThat(event.update().message()).isEqualTo("Some card payments fail; we are on it.");
        assertThat(event.update().componentChanges()).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE));
        assertThat(event.actor()).isEqualTo("Dana Whitfield");
        ComponentStatusChanged changed = (ComponentStatusChanged) decode(awaitEvents(component, 2).get(1));
        assertThat(changed.component().status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        JsonNode updates = api.get("/api/v1/incidents/" + id).json().get("updates");
        assertThat(updates.get(0).get("message").asString()).contains("5xx");
        assertThat(updates.get(0).get("actor").asString()).isEqualTo("alerts");
        assertThat(updates.get(1).get("actor").asString()).isEqualTo("Dana Whitfield");
    }

    @Test
    void publishingTwiceIsAConflictNamingTheRule() {
        String id = api.post("/api/v1/incidents", "{\"title\":\"T\",\"message\":\"M\",\"visibility\":\"internal\"}")
                .expect(201).json().get("id").asString();
        api.post("/api/v1/incidents/" + id + "/publish", "{}").expect(200);

        JsonNode again = api.post("/api/v1/incidents/" + id + "/publish", "{}").expectProblem(409, "incident-already-public");
        JsonNode publicFromTheStart = api.post("/api/v1/incidents/" + anOpenIncident("Public") + "/publish", "{}")
                .expectProblem(409, "incident-already-public");

        assertThat(again.get("detail").asString()).contains("published once");
        assertThat(publicFromTheStart.get("status").asInt()).isEqualTo(409);
    }

    @Test
    void publishingAResolvedInternalIncidentIsAConflictNamingTheRule() {
        String id = api.post("/api/v1/incidents", "{\"title\":\"T\",\"message\":\"M\",\"visibility\":\"internal\"}")
                .expect(201).json().get("id").asString();
        api.post("/api/v1/incidents/" + id + "/resolve", "{\"message\":\"Gone.\"}").expect(200);

        JsonNode problem = api.post("/api/v1/incidents/" + id + "/publish", "{}").expectProblem(409, "incident-already-resolved");

        assertThat(problem.get("detail").asString()).contains("reopen it before you publish it");
        assertThat(api.get("/api/v1/incidents/" + id).json().get("visibility").asString()).isEqualTo("internal");
    }

    @Test
    void aResolvedInternalIncidentIsNotPublishedAndAStaleIfMatchIsRefused() {
        String id = api.post("/api/v1/incidents", "{\"title\":\"T\",\"message\":\"M\",\"visibility\":\"internal\"}")
                .expect(201).json().get("id").asString();
        JsonNode stale = api.send("POST", "/api/v1/incidents/" + id + "/publish", "{}", java.util.Map.of("If-Match", "\"7\""))
                .expectProblem(412, "stale-version");
        api.post("/api/v1/incidents/" + id + "/resolve", "{\"message\":\"Done.\"}").expect(200);

        JsonNode resolved = api.post("/api/v1/incidents/" + id + "/publish", "{}").expectProblem(409, "incident-already-resolved");

        assertThat(stale.get("status").asInt()).isEqualTo(412);
        assertThat(resolved.get("detail").asString()).contains("publish it");
    }

    @Test
    void publishingWithoutAMessageGivesTheDefaultFirstEntry() {
        String id = api.post("/api/v1/incidents", "{\"title\":\"T\",\"message\":\"M on host pay-1\",\"visibility\":\"internal\"}")
                .expect(201).json().get("id").asString();

        api.post("/api/v1/incidents/" + id + "/publish", "{}").expect(200);

        IncidentPublished event = (IncidentPublished) decode(awaitEvents(id, 2).get(1));
        assertThat(event.update().message()).isEqualTo("We are investigating this issue.");
        assertThat(event.incident().title()).isEqualTo("T");
    }

    @Test
    void integrationsKeepDedupAndResolveOnInternalIncidents() {
        String group = UUID.randomUUID().toString();
        Api alerts = api.as(ALERTS_KEY);
        String id = alerts.post(ALERTMANAGER, firing(group)).expect(200).json().get("incidentId").asString();

        JsonNode repeat = alerts.post(ALERTMANAGER, firing(group)).expect(200).json();
        JsonNode resolved = alerts.post(ALERTMANAGER, firing(group).replace("\"status\": \"firing\"", "\"status\": \"resolved\"")
                .replace("0001-01-01T00:00:00Z", "2026-10-20T08:40:00Z")).expect(200).json();

        assertThat(repeat.get("outcome").asString()).isEqualTo("unchanged");
        assertThat(repeat.get("incidentId").asString()).isEqualTo(id);
        assertThat(resolved.get("outcome").asString()).isEqualTo("resolved");
        IncidentResolved resolution = (IncidentResolved) decode(awaitEvents(id, 2).get(1));
        assertThat(resolution.incident().visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(api.get("/api/v1/components/" + component).json().get("status").asString()).isEqualTo("operational");
    }

    @Test
    void anUpdateOfAnInternalIncidentStaysInternalAndSetsNoPublicComponentStatus() {
        String id = api.post("/api/v1/incidents", "{\"title\":\"T\",\"message\":\"M\",\"visibility\":\"internal\"}")
                .expect(201).json().get("id").asString();

        api.post("/api/v1/incidents/" + id + "/updates",
                "{\"message\":\"Worse\",\"components\":[{\"id\":\"" + component + "\",\"status\":\"partial_outage\"}]}").expect(201);

        IncidentUpdated updated = (IncidentUpdated) decode(awaitEvents(id, 2).get(1));
        assertThat(updated.incident().visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(updated.incident().components()).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(ComponentStatus.PARTIAL_OUTAGE));
        assertThat(api.get("/api/v1/components/" + component).json().get("status").asString()).isEqualTo("operational");
    }

    private String firing(String group) {
        return """
                {
                  "version": "4",
                  "groupKey": "{}:{alertname=\\"PaymentsErrorRate\\",run=\\"%s\\"}",
                  "status": "firing",
                  "receiver": "sitrep",
                  "groupLabels": {"alertname": "PaymentsErrorRate"},
                  "commonLabels": {"alertname": "PaymentsErrorRate", "component": "%s"},
                  "commonAnnotations": {"summary": "Payments error rate above 5%%",
                                        "description": "More than 5%% of requests end in 5xx responses from pay-1."},
                  "externalURL": "http://alertmanager.example:9093",
                  "alerts": [{
                    "status": "firing",
                    "labels": {"alertname": "PaymentsErrorRate", "instance": "pay-1", "severity": "critical", "component": "%s"},
                    "annotations": {"summary": "Payments error rate above 5%%",
                                    "description": "More than 5%% of requests end in 5xx responses from pay-1."},
                    "startsAt": "2026-10-20T07:02:13.512Z",
                    "endsAt": "0001-01-01T00:00:00Z",
                    "generatorURL": "http://prometheus.example:9090/graph",
                    "fingerprint": "f1"
                  }]
                }""".formatted(group, component, component);
    }
}
