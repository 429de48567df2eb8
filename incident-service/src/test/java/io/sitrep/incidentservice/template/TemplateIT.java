package io.sitrep.incidentservice.template;

import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.incidentservice.IntegrationTest;
import io.sitrep.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Templates through the REST API: their CRUD, their validation, and what they fill in new incidents and updates. */
class TemplateIT extends IntegrationTest {

    private static final String PATH = "/api/v1/templates/";

    private String database;
    private String publicApi;
    private String id;

    @BeforeEach
    void twoComponentsAndAFreshTemplateId() {
        database = aComponent("db", "Primary database");
        publicApi = aComponent("api", "Public API");
        id = freshComponentId("db-failover");
    }

    private String failoverTemplate() {
        return """
                {"name":"Database failover","title":"Database failover in progress","impact":"major",
                 "message":"We are **failing over** the primary database.",
                 "components":[{"id":"%s","status":"major_outage"},{"id":"%s","status":"degraded_performance"}]}"""
                .formatted(database, publicApi);
    }

    @Test
    void aTemplateIsCreatedReadListedReplacedAndDeleted() {
        Api.Response created = api.put(PATH + id, failoverTemplate()).expect(201);
        JsonNode read = api.as(READER_KEY).get(PATH + id).expect(200).json();
        JsonNode listed = api.as(READER_KEY).get("/api/v1/templates").expect(200).json();
        JsonNode replaced = api.put(PATH + id, "{\"name\":\"Failover, short\",\"message\":\"Failing over.\"}").expect(200).json();
        api.send("DELETE", PATH + id, null, Map.of()).expect(204);

        assertThat(created.header("Location")).isEqualTo(PATH + id);
        assertThat(read.get("id").asString()).isEqualTo(id);
        assertThat(read.get("name").asString()).isEqualTo("Database failover");
        assertThat(read.get("title").asString()).isEqualTo("Database failover in progress");
        assertThat(read.get("impact").asString()).isEqualTo("major");
        assertThat(read.get("message").asString()).isEqualTo("We are **failing over** the primary database.");
        assertThat(read.get("components").valueStream().map(c -> c.get("id").asString() + "=" + c.get("status").asString()))
                .containsExactly(database + "=major_outage", publicApi + "=degraded_performance");
        assertThat(listed.get("items").valueStream().map(t -> t.get("id").asString())).contains(id);
        assertThat(replaced.get("name").asString()).isEqualTo("Failover, short");
        assertThat(replaced.get("title").isNull()).isTrue();
        assertThat(replaced.get("impact").isNull()).isTrue();
        assertThat(replaced.get("components")).isEmpty();
        assertThat(replaced.get("createdAt").asString()).isEqualTo(read.get("createdAt").asString());
        api.get(PATH + id).expectProblem(404, "unknown-template");
        api.send("DELETE", PATH + id, null, Map.of()).expectProblem(404, "unknown-template");
        assertThat(count("incident_template_components WHERE template_id = '" + id + "'")).isZero();
    }

    @Test
    void definingAndDeletingTemplatesNeedsIncidentsWrite() {
        api.as(READER_KEY).put(PATH + id, failoverTemplate()).expectProblem(403, "insufficient-scope");
        api.put(PATH + id, failoverTemplate()).expect(201);
        api.as(COMPONENT_EDITOR_KEY).send("DELETE", PATH + id, null, Map.of()).expectProblem(403, "insufficient-scope");

        api.as(null).get(PATH + id).expect(401);
        api.as(READER_KEY).get(PATH + id).expect(200);
    }

    @Test
    void anIncidentOpenedWithATemplateTakesEverythingTheRequestLeavesOut() {
        api.put(PATH + id, failoverTemplate()).expect(201);

        JsonNode incident = api.post("/api/v1/incidents", "{\"template\":\"" + id + "\"}").expect(201).json();

        assertThat(incident.get("title").asString()).isEqualTo("Database failover in progress");
        assertThat(incident.get("impact").asString()).isEqualTo("major");
        assertThat(incident.get("updates").get(0).get("message").asString()).isEqualTo("We are **failing over** the primary database.");
        assertThat(incident.get("components").valueStream().map(c -> c.get("id").asString() + "=" + c.get("status").asString()))
                .containsExactlyInAnyOrder(database + "=major_outage", publicApi + "=degraded_performance");
        IncidentOpened opened = (IncidentOpened) decode(awaitEvents(incident.get("id").asString(), 1).get(0));
        assertThat(opened.incident().title()).isEqualTo("Database failover in progress");
        assertThat(opened.update().message()).isEqualTo("We are **failing over** the primary database.");
    }

    @Test
    void whatTheRequestGivesOverridesTheTemplate() {
        api.put(PATH + id, failoverTemplate()).expect(201);

        JsonNode incident = api.post("/api/v1/incidents", """
                {"template":"%s","title":"Failover of the eu-west database","impact":"minor",
                 "components":[{"id":"%s","status":"partial_outage"}]}""".formatted(id, database)).expect(201).json();

        assertThat(incident.get("title").asString()).isEqualTo("Failover of the eu-west database");
        assertThat(incident.get("impact").asString()).isEqualTo("minor");
        assertThat(incident.get("updates").get(0).get("message").asString()).isEqualTo("We are **failing over** the primary database.");
        assertThat(incident.get("components").valueStream().map(c -> c.get("id").asString() + "=" + c.get("status").asString()))
                .containsExactly(database + "=partial_outage");
    }

    @Test
    void anUpdateWithATemplateTakesItsMessageImpactAndComponentsUnlessGiven() {
        String recovered = freshComponentId("recovering");
        api.put(PATH + recovered, """
                {"name":"Recovering","impact":"minor","message":"The database is back; we are monitoring.",
                 "components":[{"id":"%s","status":"degraded_performance"}]}""".formatted(database)).expect(201);
        String incident = anOpenIncident("Database trouble");

        JsonNode filled = api.post("/api/v1/incidents/" + incident + "/updates",
                "{\"template\":\"" + recovered + "\",\"status\":\"monitoring\"}").expect(201).json();
        JsonNode overridden = api.post("/api/v1/incidents/" + incident + "/updates",
                "{\"template\":\"" + recovered + "\",\"message\":\"Still watching.\",\"impact\":\"none\"}").expect(201).json();

        assertThat(filled.get("status").asString()).isEqualTo("monitoring");
        assertThat(filled.get("impact").asString()).isEqualTo("minor");
        assertThat(filled.get("updates").valueStream().map(u -> u.get("message").asString()))
                .contains("The database is back; we are monitoring.");
        assertThat(filled.get("components").get(0).get("id").asString()).isEqualTo(database);
        assertThat(filled.get("components").get(0).get("status").asString()).isEqualTo("degraded_performance");
        assertThat(overridden.get("impact").asString()).isEqualTo("none");
        assertThat(overridden.get("updates").valueStream().map(u -> u.get("message").asString())).contains("Still watching.");
        List<?> events = awaitEvents(incident, 3).stream().map(this::decode).toList();
        assertThat(((IncidentUpdated) events.get(1)).update().message()).isEqualTo("The database is back; we are monitoring.");
    }

    @Test
    void aRetryUnderTheSameIdempotencyKeyReplaysTheFirstAnswerAfterTheTemplateChanged() {
        api.put(PATH + id, failoverTemplate()).expect(201);
        Map<String, String> key = Map.of("Idempotency-Key", "template-" + id);
        String body = "{\"template\":\"" + id + "\"}";
        JsonNode first = api.send("POST", "/api/v1/incidents", body, key).expect(201).json();
        api.put(PATH + id, "{\"name\":\"Changed\",\"title\":\"Another title\",\"message\":\"Another message.\"}").expect(200);

        Api.Response retry = api.send("POST", "/api/v1/incidents", body, key).expect(201);

        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(retry.json().get("title").asString()).isEqualTo("Database failover in progress");
    }

    @Test
    void anUnknownTemplateIsRefusedAsTheRequestsTemplate() {
        String incident = anOpenIncident("Unknown template");

        JsonNode onOpen = api.post("/api/v1/incidents", "{\"template\":\"no-such-template\"}").expectProblem(400, "validation-failed");
        JsonNode onUpdate = api.post("/api/v1/incidents/" + incident + "/updates", "{\"template\":\"no-such-template\"}")
                .expectProblem(400, "validation-failed");
        JsonNode malformed = api.post("/api/v1/incidents", "{\"template\":\"Not An Id\"}").expectProblem(400, "validation-failed");

        assertThat(field(onOpen)).isEqualTo("template");
        assertThat(onOpen.get("errors").get(0).get("message").asString()).contains("no-such-template");
        assertThat(field(onUpdate)).isEqualTo("template");
        assertThat(field(malformed)).isEqualTo("template");
        assertThat(count("incidents WHERE title = 'Unknown template'")).isEqualTo(1);
    }

    @Test
    void aTemplateWithoutATitleLeavesTheRequestToGiveOne() {
        api.put(PATH + id, "{\"name\":\"Message only\",\"message\":\"Looking into it.\"}").expect(201);

        JsonNode missing = api.post("/api/v1/incidents", "{\"template\":\"" + id + "\"}").expectProblem(400, "validation-failed");
        JsonNode given = api.post("/api/v1/incidents", "{\"template\":\"" + id + "\",\"title\":\"Slow logins\"}").expect(201).json();

        assertThat(field(missing)).isEqualTo("title");
        assertThat(given.get("updates").get(0).get("message").asString()).isEqualTo("Looking into it.");
    }

    @Test
    void withoutATemplateTitleAndMessageAreStillRequiredEachByName() {
        JsonNode problem = api.post("/api/v1/incidents", "{\"title\":\"  \"}").expectProblem(400, "validation-failed");
        JsonNode update = api.post("/api/v1/incidents/" + anOpenIncident("Needs a message") + "/updates", "{}")
                .expectProblem(400, "validation-failed");

        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString())).containsExactlyInAnyOrder("title", "message");
        assertThat(field(update)).isEqualTo("message");
    }

    @Test
    void invalidTemplatesAreRefusedNamingTheField() {
        assertThat(field(api.put(PATH + id, "{\"title\":\"No name\"}").expectProblem(400, "validation-failed"))).isEqualTo("name");
        assertThat(field(api.put(PATH + id, "{\"name\":\"" + "n".repeat(101) + "\"}").expectProblem(400, "validation-failed")))
                .isEqualTo("name");
        assertThat(field(api.put(PATH + id, "{\"name\":\"n\",\"title\":\"" + "t".repeat(201) + "\"}")
                .expectProblem(400, "validation-failed"))).isEqualTo("title");
        assertThat(field(api.put(PATH + id, "{\"name\":\"n\",\"message\":\"" + "m".repeat(10_001) + "\"}")
                .expectProblem(400, "validation-failed"))).isEqualTo("message");
        assertThat(field(api.put(PATH + id, "{\"name\":\"n\",\"title\":\" \"}").expectProblem(400, "validation-failed")))
                .isEqualTo("title");
        assertThat(field(api.put(PATH + id, "{\"name\":\"n\",\"impact\":\"catastrophic\"}").expectProblem(400, "malformed-request")))
                .isEqualTo("impact");
        assertThat(field(api.put(PATH + id, "{\"name\":\"n\",\"components\":[{\"id\":\"Not Valid\",\"status\":\"operational\"}]}")
                .expectProblem(400, "validation-failed"))).isEqualTo("components[0].id");
        assertThat(field(api.put(PATH + id, """
                {"name":"n","components":[{"id":"%s","status":"operational"},{"id":"%s","status":"major_outage"}]}"""
                .formatted(database, database)).expectProblem(400, "validation-failed"))).isEqualTo("components[1].id");
        String tooMany = "{\"name\":\"n\",\"components\":[" + String.join(",", Collections.nCopies(51,
                "{\"id\":\"" + database + "\",\"status\":\"operational\"}")) + "]}";
        assertThat(field(api.put(PATH + id, tooMany).expectProblem(400, "validation-failed"))).isEqualTo("components");
        assertThat(field(api.put(PATH + "Bad%20Id", "{\"name\":\"n\"}").expectProblem(400, "validation-failed"))).isEqualTo("id");
        assertThat(field(api.put(PATH + id, "{\"name\":\"bell\\u0007\"}").expectProblem(400, "validation-failed"))).isEqualTo("name");
        assertThat(field(api.put(PATH + id, "{\"name\":\"n\",\"colour\":\"red\"}").expectProblem(400, "malformed-request")))
                .isEqualTo("colour");
        api.put(PATH + id, "{\"name\":\"n\",\"components\":[{\"id\":\"no-such-component\",\"status\":\"operational\"}]}")
                .expectProblem(404, "unknown-component");
        api.get(PATH + id).expectProblem(404, "unknown-template");
    }

    private static String field(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asString();
    }
}
