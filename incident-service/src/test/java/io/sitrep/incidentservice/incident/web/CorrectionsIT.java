package io.sitrep.incidentservice.incident.web;

import io.sitrep.events.ComponentStatusChanged;
import io.sitrep.events.IncidentDeleted;
import io.sitrep.events.IncidentEdited;
import io.sitrep.events.IncidentUpdateEdited;
import io.sitrep.incidentservice.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: titles, impacts and update texts can be corrected, and an incident opened by mistake deleted. */
class CorrectionsIT extends IntegrationTest {

    @Test
    void aPatchRenamesAndReRatesWithIfMatch() {
        String id = anOpenIncident("Chekout slow");

        JsonNode stale = api.send("PATCH", "/api/v1/incidents/" + id, "{\"title\":\"Checkout slow\"}", Map.of("If-Match", "\"9\""))
                .expectProblem(412, "stale-version");
        JsonNode edited = api.send("PATCH", "/api/v1/incidents/" + id, "{\"title\":\"Checkout slow\",\"impact\":\"major\"}",
                Map.of("If-Match", "\"1\"")).expect(200).json();

        assertThat(stale.get("status").asInt()).isEqualTo(412);
        assertThat(edited.get("title").asString()).isEqualTo("Checkout slow");
        assertThat(edited.get("impact").asString()).isEqualTo("major");
        assertThat(edited.get("updates")).hasSize(1);
        IncidentEdited event = (IncidentEdited) decode(awaitEvents(id, 2).get(1));
        assertThat(event.previousTitle()).isEqualTo("Chekout slow");
        assertThat(event.actor()).isEqualTo("writer");
    }

    @Test
    void aPatchWithNothingToChangeIsABadRequest() {
        String id = anOpenIncident("T");

        JsonNode problem = api.patch("/api/v1/incidents/" + id, "{}").expectProblem(400, "validation-failed");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("title");
    }

    @Test
    void correctingAnUpdateKeepsTheEarlierTextsAsRevisions() {
        String id = anOpenIncident("Checkout slow");
        String update = api.get("/api/v1/incidents/" + id).json().get("updates").get(0).get("id").asString();
        String path = "/api/v1/incidents/" + id + "/updates/" + update;

        api.patch(path, "{\"message\":\"We are looking into slow checkouts.\"}").expect(200);
        JsonNode corrected = api.patch(path, "{\"message\":\"We are looking into slow checkouts in eu-west.\"}").expect(200).json();

        JsonNode entry = corrected.get("updates").get(0);
        assertThat(entry.get("message").asString()).isEqualTo("We are looking into slow checkouts in eu-west.");
        assertThat(entry.get("revision").asInt()).isEqualTo(3);
        JsonNode revisions = api.get(path + "/revisions").expect(200).json().get("items");
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).get("message").asString()).isEqualTo("We are looking into it.");
        assertThat(revisions.get(0).get("replacedBy").asString()).isEqualTo("writer");
        assertThat(revisions.get(1).get("message").asString()).isEqualTo("We are looking into slow checkouts.");
        IncidentUpdateEdited event = (IncidentUpdateEdited) decode(awaitEvents(id, 3).get(2));
        assertThat(event.updateId().toString()).isEqualTo(update);
        assertThat(event.revision()).isEqualTo(3);
        assertThat(event.previousMessage()).isEqualTo("We are looking into slow checkouts.");
    }

    @Test
    void correctingAnUnknownUpdateIsNotFound() {
        String id = anOpenIncident("T");

        api.patch("/api/v1/incidents/" + id + "/updates/" + java.util.UUID.randomUUID(), "{\"message\":\"x\"}")
                .expectProblem(404, "unknown-update");
    }

    @Test
    void deletingNeedsAdminLeavesATombstoneAndGivesTheComponentsBack() {
        String component = aComponent("del", "Deleted by mistake");
        String id = api.post("/api/v1/incidents", "{\"title\":\"Test, please ignore\",\"message\":\"Testing\",\"components\":[{\"id\":\""
                + component + "\",\"status\":\"major_outage\"}]}").expect(201).json().get("id").asString();

        JsonNode refused = api.send("DELETE", "/api/v1/incidents/" + id, "{\"reason\":\"Opened by mistake\"}", Map.of())
                .expectProblem(403, "insufficient-scope");
        api.as(ADMIN_KEY).send("DELETE", "/api/v1/incidents/" + id, "{\"reason\":\"Opened by mistake\"}", Map.of()).expect(204);

        assertThat(refused.get("detail").asString()).contains("admin");
        IncidentDeleted tombstone = (IncidentDeleted) decode(awaitEvents(id, 2).get(1));
        assertThat(tombstone.reason()).isEqualTo("Opened by mistake");
        assertThat(tombstone.actor()).isEqualTo("admin");
        assertThat(((ComponentStatusChanged) decode(awaitEvents(component, 3).get(2))).component().status().wireName())
                .isEqualTo("operational");
        api.get("/api/v1/incidents/" + id).expectProblem(404, "unknown-incident");
    }

    @Test
    void aDeletedIncidentRefusesEveryCommandWithAConflictNamingTheRule() {
        String id = anOpenIncident("Deleted");
        String base = "/api/v1/incidents/" + id;
        String updateId = api.get(base).expect(200).json().get("updates").get(0).get("id").asString();
        api.as(ADMIN_KEY).send("DELETE", "/api/v1/incidents/" + id, "{\"reason\":\"Mistake\"}", Map.of()).expect(204);

        api.post(base + "/updates", "{\"message\":\"m\"}").expectProblem(409, "incident-deleted");
        api.post(base + "/resolve", "{\"message\":\"m\"}").expectProblem(409, "incident-deleted");
        api.post(base + "/publish", "{}").expectProblem(409, "incident-deleted");
        api.patch(base, "{\"title\":\"New\"}").expectProblem(409, "incident-deleted");
        api.patch(base + "/updates/" + updateId, "{\"message\":\"Corrected.\"}").expectProblem(409, "incident-deleted");
        api.post(base + "/reopen", "{\"message\":\"m\"}").expectProblem(409, "incident-deleted");
        api.put(base + "/postmortem", "{\"body\":\"b\"}").expectProblem(409, "incident-deleted");
        JsonNode again = api.as(ADMIN_KEY).send("DELETE", base, "{\"reason\":\"again\"}", Map.of()).expectProblem(409, "incident-deleted");

        assertThat(again.get("detail").asString()).contains("deleted");
    }

    @Test
    void anAlertForAGroupWhoseIncidentWasDeletedOpensANewOne() {
        String body = """
                {"version":"4","groupKey":"{}:{alertname=\\"Deleted%s\\"}","status":"firing","receiver":"sitrep",
                 "groupLabels":{"alertname":"Deleted"},"commonLabels":{"severity":"warning"},"commonAnnotations":{"summary":"Deleted alert"},
                 "externalURL":"http://alertmanager:9093",
                 "alerts":[{"status":"firing","labels":{"alertname":"Deleted","instance":"web-%s"},"annotations":{},
                            "startsAt":"2026-10-20T07:02:13Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"a1"}]}""";
        String group = java.util.UUID.randomUUID().toString();
        String first = api.as(ALERTS_KEY).post("/api/v1/integrations/alertmanager", body.formatted(group, "1")).expect(200).json()
                .get("incidentId").asString();
        api.as(ADMIN_KEY).send("DELETE", "/api/v1/incidents/" + first, "{\"reason\":\"Noise\"}", Map.of()).expect(204);

        JsonNode next = api.as(ALERTS_KEY).post("/api/v1/integrations/alertmanager", body.formatted(group, "2")).expect(200).json();

        assertThat(next.get("outcome").asString()).isEqualTo("opened");
        assertThat(next.get("incidentId").asString()).isNotEqualTo(first);
    }
}
