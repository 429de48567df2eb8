package io.sitrep.incidentservice.incident.web;

import io.sitrep.events.ComponentDefined;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.ComponentStatusChanged;
import io.sitrep.events.EventType;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentReopened;
import io.sitrep.events.IncidentResolved;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.events.PostmortemPublished;
import io.sitrep.events.SitrepEvent;
import io.sitrep.testsupport.Api;
import io.sitrep.incidentservice.IntegrationTest;
import io.sitrep.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Each endpoint's happy path, through the outbox, to the right CloudEvent on Kafka. */
class IncidentLifecycleIT extends IntegrationTest {

    @Test
    void openingAnIncidentPublishesIncidentOpenedWithTheIncidentAsKeyAndVersionOne() {
        String api = aComponent("api", "Public API");

        Api.Response response = this.api.post("/api/v1/incidents", """
                {"title":"Elevated error rates in eu-west","status":"identified","impact":"major",
                 "message":"Requests to the public API fail in eu-west.",
                 "components":[{"id":"%s","status":"partial_outage"}],
                 "occurredAt":"2026-10-20T07:55:00Z"}""".formatted(api)).expect(201);

        JsonNode incident = response.json();
        String id = incident.get("id").asString();
        assertThat(response.header("Location")).isEqualTo("/api/v1/incidents/" + id);
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
        assertThat(incident.get("status").asString()).isEqualTo("identified");
        assertThat(incident.get("createdAt").asString()).isEqualTo("2026-10-20T07:55:00Z");
        assertThat(incident.get("updates")).hasSize(1);

        ConsumerRecord<String, byte[]> record = awaitEvents(id, 1).get(0);
        Map<String, String> headers = TopicReader.headers(record);
        assertThat(headers).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "incident.opened")
                .containsEntry("ce_source", "/sitrep/incident-service")
                .containsEntry("ce_subject", id)
                .containsEntry("ce_time", "2026-10-20T07:55:00Z")
                .containsEntry("ce_dataschema", EventType.INCIDENT_OPENED.dataSchema())
                .containsEntry("content-type", "application/json");
        IncidentOpened opened = (IncidentOpened) decode(record);
        assertThat(headers.get("ce_id")).isEqualTo(opened.eventId().toString());
        assertThat(opened.version()).isEqualTo(1);
        assertThat(opened.occurredAt()).isEqualTo(Instant.parse("2026-10-20T07:55:00Z"));
        assertThat(opened.incident().impact()).isEqualTo(Impact.MAJOR);
        assertThat(opened.incident().components()).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(ComponentStatus.PARTIAL_OUTAGE));
        assertThat(opened.update().componentChanges()).singleElement()
                .satisfies(c -> assertThat(c.previousStatus()).isEqualTo(ComponentStatus.OPERATIONAL));

        List<SitrepEvent> componentEvents = awaitEvents(api, 2).stream().map(this::decode).toList();
        assertThat(componentEvents.get(0)).isInstanceOf(ComponentDefined.class);
        ComponentStatusChanged changed = (ComponentStatusChanged) componentEvents.get(1);
        assertThat(changed.status()).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
        assertThat(changed.incidentId().toString()).isEqualTo(id);
    }

    @Test
    void everyLifecycleStepPublishesItsEventInVersionOrder() {
        String id = anOpenIncident("Database restore in progress");

        api.post("/api/v1/incidents/" + id + "/updates", """
                {"status":"monitoring","impact":"minor","message":"Restored from snapshot; watching."}""").expect(201);
        api.post("/api/v1/incidents/" + id + "/resolve", "{\"message\":\"All data repaired.\"}").expect(200);
        api.post("/api/v1/incidents/" + id + "/reopen", "{\"message\":\"Errors are back.\",\"status\":\"identified\"}").expect(200);
        api.post("/api/v1/incidents/" + id + "/updates", "{\"status\":\"resolved\",\"message\":\"Fixed for good.\"}").expect(201);
        Api.Response postmortem = api.put("/api/v1/incidents/" + id + "/postmortem", "{\"body\":\"# What happened\\nA cleanup script deleted a table.\"}")
                .expect(200);

        assertThat(postmortem.header("ETag")).isEqualTo("\"6\"");
        assertThat(postmortem.json().get("postmortem").get("revision").asInt()).isEqualTo(1);
        List<SitrepEvent> events = awaitEvents(id, 6).stream().map(this::decode).toList();
        assertThat(events).extracting(SitrepEvent::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "IncidentOpened", "IncidentUpdated", "IncidentResolved", "IncidentReopened", "IncidentResolved", "PostmortemPublished");
        IncidentUpdated updated = (IncidentUpdated) events.get(1);
        assertThat(updated.update().previousStatus()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(updated.incident().impact()).isEqualTo(Impact.MINOR);
        assertThat(((IncidentResolved) events.get(2)).incident().resolvedAt()).isNotNull();
        assertThat(((IncidentReopened) events.get(3)).incident().status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(((PostmortemPublished) events.get(5)).postmortem().body()).startsWith("# What happened");
    }

    @Test
    void readingAnIncidentReturnsItsTimelineAndETag() {
        String id = anOpenIncident("Cluster node lost");
        api.post("/api/v1/incidents/" + id + "/updates", "{\"message\":\"Rebalancing onto the remaining nodes.\"}").expect(201);

        Api.Response response = api.as(READER_KEY).get("/api/v1/incidents/" + id).expect(200);

        assertThat(response.header("ETag")).isEqualTo("\"2\"");
        JsonNode updates = response.json().get("updates");
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0).get("message").asString()).isEqualTo("We are looking into it.");
        assertThat(updates.get(1).get("version").asLong()).isEqualTo(2);
        api.as(READER_KEY).send("GET", "/api/v1/incidents/" + id, null, Map.of("If-None-Match", "\"2\"")).expect(304);
    }

    @Test
    void aWriteThatPrefersTheMinimalReturnAnswersWithoutTheIncidentButStoresAndPublishesTheSame() {
        String id = anOpenIncident("Queue backlog");

        Api.Response response = api.send("POST", "/api/v1/incidents/" + id + "/updates", "{\"message\":\"Draining the backlog.\"}",
                Map.of("Prefer", "handling=lenient, return=minimal")).expect(201);

        assertThat(response.body()).isEmpty();
        assertThat(response.header("Preference-Applied")).isEqualTo("return=minimal");
        assertThat(response.header("Location")).isEqualTo("/api/v1/incidents/" + id);
        assertThat(response.header("ETag")).isEqualTo("\"2\"");
        JsonNode incident = api.get("/api/v1/incidents/" + id).expect(200).json();
        assertThat(incident.get("updates").get(1).get("message").asString()).isEqualTo("Draining the backlog.");
        assertThat(awaitEvents(id, 2).stream().map(this::decode).toList().get(1)).isInstanceOf(IncidentUpdated.class);
    }

    @Test
    void resolvingReturnsAffectedComponentsToOperationalUnlessAnotherOpenIncidentHoldsThem() {
        String shared = aComponent("storage", "Object storage");
        String own = aComponent("queue", "Queue");
        String first = api.post("/api/v1/incidents", """
                {"title":"Storage scale units failed","message":"Investigating.",
                 "components":[{"id":"%s","status":"major_outage"},{"id":"%s","status":"degraded_performance"}]}"""
                .formatted(shared, own)).expect(201).json().get("id").asString();
        api.post("/api/v1/incidents", """
                {"title":"Second outage while restoring","message":"Investigating.",
                 "components":[{"id":"%s","status":"major_outage"}]}""".formatted(shared)).expect(201);

        api.post("/api/v1/incidents/" + first + "/resolve", "{\"message\":\"Recovered.\"}").expect(200);

        assertThat(api.get("/api/v1/components/" + own).expect(200).json().get("status").asString()).isEqualTo("operational");
        assertThat(api.get("/api/v1/components/" + shared).expect(200).json().get("status").asString()).isEqualTo("major_outage");
        IncidentResolved resolved = (IncidentResolved) decode(awaitEvents(first, 2).get(1));
        assertThat(resolved.update().componentChanges()).extracting(c -> c.id()).containsExactly(own);
    }

    @Test
    void resolvingTwoIncidentsThatShareAComponentAtOnceLeavesItOperational() throws Exception {
        String shared = aComponent("db", "Database cluster");
        String body = """
                {"title":"Node lost","message":"Investigating.","components":[{"id":"%s","status":"partial_outage"}]}""".formatted(shared);
        String first = api.post("/api/v1/incidents", body).expect(201).json().get("id").asString();
        String second = api.post("/api/v1/incidents", body).expect(201).json().get("id").asString();

        CompletableFuture<Api.Response> a = CompletableFuture.supplyAsync(() -> api.post("/api/v1/incidents/" + first + "/resolve", "{\"message\":\"Healed.\"}"));
        CompletableFuture<Api.Response> b = CompletableFuture.supplyAsync(() -> api.post("/api/v1/incidents/" + second + "/resolve", "{\"message\":\"Healed.\"}"));
        a.get(30, TimeUnit.SECONDS).expect(200);
        b.get(30, TimeUnit.SECONDS).expect(200);

        assertThat(api.get("/api/v1/components/" + shared).expect(200).json().get("status").asString()).isEqualTo("operational");
    }

    @Test
    void definingOneNewComponentTwiceAtOnceCreatesItOnce() throws Exception {
        String id = freshComponentId("race");
        String body = "{\"name\":\"Raced\"}";

        CompletableFuture<Api.Response> a = CompletableFuture.supplyAsync(() -> api.put("/api/v1/components/" + id, body));
        CompletableFuture<Api.Response> b = CompletableFuture.supplyAsync(() -> api.put("/api/v1/components/" + id, body));

        List<Integer> statuses = List.of(a.get(30, TimeUnit.SECONDS).status(), b.get(30, TimeUnit.SECONDS).status());
        assertThat(statuses).containsExactlyInAnyOrder(201, 200);
        assertThat(awaitEvents(id, 1).stream().map(this::decode)).singleElement().isInstanceOf(ComponentDefined.class);
    }

    @Test
    void definingAndChangingAComponentPublishesItsEvents() {
        String id = freshComponentId("dashboard");

        api.put("/api/v1/components/" + id, "{\"name\":\"Dashboard\",\"group\":\"Web\",\"description\":\"The web app\"}").expect(201);
        api.put("/api/v1/components/" + id, "{\"name\":\"Dashboard\",\"group\":\"Web\",\"description\":\"The web app\"}").expect(200);
        api.put("/api/v1/components/" + id, "{\"name\":\"Web dashboard\",\"group\":\"Web\"}").expect(200);
        Api.Response patched = api.as(COMPONENT_EDITOR_KEY).patch("/api/v1/components/" + id, "{\"status\":\"under_maintenance\"}").expect(200);

        assertThat(patched.json().get("status").asString()).isEqualTo("under_maintenance");
        assertThat(api.get("/api/v1/components").expect(200).json().get("items").valueStream()
                .anyMatch(c -> c.get("id").asString().equals(id))).isTrue();
        List<SitrepEvent> events = awaitEvents(id, 3).stream().map(this::decode).toList();
        assertThat(events).extracting(SitrepEvent::version).containsExactly(1L, 2L, 3L);
        assertThat(((ComponentDefined) events.get(1)).component().name()).isEqualTo("Web dashboard");
        ComponentStatusChanged changed = (ComponentStatusChanged) events.get(2);
        assertThat(changed.incidentId()).isNull();
        assertThat(changed.previousStatus()).isEqualTo(ComponentStatus.OPERATIONAL);
    }
}
