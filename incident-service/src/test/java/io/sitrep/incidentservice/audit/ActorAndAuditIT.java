package io.sitrep.incidentservice.audit;

import io.sitrep.events.ComponentEvent;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.incidentservice.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: every command records who did it, and the audit log pages through them. */
class ActorAndAuditIT extends IntegrationTest {

    private static final String ACTOR = "Sitrep-Actor";

    @Test
    void aCommandIsRecordedAsTheKeysName() {
        String id = anOpenIncident("Slow search");

        IncidentOpened opened = (IncidentOpened) decode(awaitEvents(id, 1).get(0));

        assertThat(opened.actor()).isEqualTo("writer");
        assertThat(api.get("/api/v1/incidents/" + id).json().get("updates").get(0).get("actor").asString()).isEqualTo("writer");
    }

    @Test
    void aDelegateKeyActsForThePersonItNames() {
        String id = api.as(CONSOLE_KEY).send("POST", "/api/v1/incidents", "{\"title\":\"Slow search\",\"message\":\"Looking.\"}",
                Map.of(ACTOR, "Dana Whitfield")).expect(201).json().get("id").asString();
        api.as(CONSOLE_KEY).send("POST", "/api/v1/incidents/" + id + "/updates", "{\"message\":\"Found it.\"}",
                Map.of(ACTOR, "Ravi Menon")).expect(201);

        List<IncidentEvent> events = awaitEvents(id, 2).stream().map(r -> (IncidentEvent) decode(r)).toList();

        assertThat(events).extracting(IncidentEvent::actor).containsExactly("Dana Whitfield", "Ravi Menon");
        JsonNode updates = api.get("/api/v1/incidents/" + id).json().get("updates");
        assertThat(updates.get(1).get("actor").asString()).isEqualTo("Ravi Menon");
    }

    @Test
    void componentCommandsAndTheChangesAnIncidentMakesRecordTheirActor() {
        String component = aComponent("search", "Search");
        api.patch("/api/v1/components/" + component, "{\"status\":\"degraded_performance\"}").expect(200);
        String person = "Dana " + UUID.randomUUID();
        api.as(CONSOLE_KEY).send("POST", "/api/v1/incidents", """
                {"title":"Search down","message":"Looking.","components":[{"id":"%s","status":"major_outage"}]}""".formatted(component),
                Map.of(ACTOR, person)).expect(201);

        List<ComponentEvent> events = awaitEvents(component, 3).stream().map(r -> (ComponentEvent) decode(r)).toList();
        JsonNode audit = api.get("/api/v1/audit?actor=writer&limit=100&since=" + events.get(0).publishedAt()).expect(200).json();

        assertThat(events).extracting(ComponentEvent::actor).containsExactly("writer", "writer", person);
        assertThat(audit.get("items").valueStream().map(item -> item.get("command").asString()))
                .contains("component.define", "component.status");
    }

    @Test
    void maintenanceCommandsRecordTheirActorAndAreAudited() {
        String component = aComponent("db", "Database");
        String id = api.as(ADMIN_KEY).post("/api/v1/maintenances", """
                {"title":"Upgrade","message":"Planned.","components":["%s"],"scheduledFor":"2999-01-01T02:00:00Z","scheduledUntil":"2999-01-01T03:00:00Z"}"""
                .formatted(component)).expect(201).json().get("id").asString();
        api.as(ADMIN_KEY).post("/api/v1/maintenances/" + id + "/cancel", "{\"message\":\"Not needed.\"}").expect(200);

        List<MaintenanceEvent> events = awaitEvents(id, 2).stream().map(r -> (MaintenanceEvent) decode(r)).toList();
        JsonNode audit = api.get("/api/v1/audit?actor=admin&limit=100&since=" + events.get(0).publishedAt()).expect(200).json();

        assertThat(events).extracting(MaintenanceEvent::actor).containsExactly("admin", "admin");
        assertThat(api.as(ADMIN_KEY).get("/api/v1/maintenances/" + id).expect(200).json().get("updates").valueStream()
                .map(update -> update.get("actor").asString())).containsExactly("admin", "admin");
        assertThat(audit.get("items").valueStream().map(item -> item.get("command").asString()))
                .contains("maintenance.schedule", "maintenance.cancel");
    }

    @Test
    void aKeyWithoutTheDelegateScopeNamingAPersonIsRefused() {
        JsonNode problem = api.send("POST", "/api/v1/incidents", "{\"title\":\"T\",\"message\":\"M\"}", Map.of(ACTOR, "Dana Whitfield"))
                .expectProblem(403, "actor-not-delegated");
        JsonNode onARead = api.as(READER_KEY).send("GET", "/api/v1/audit", null, Map.of(ACTOR, "Dana Whitfield"))
                .expectProblem(403, "actor-not-delegated");

        assertThat(problem.get("detail").asString()).contains("actor:delegate").contains("'writer'");
        assertThat(onARead.get("status").asInt()).isEqualTo(403);
    }

    @Test
    void aDelegatedNameWithControlCharactersIsABadRequestNamingTheHeader() {
        JsonNode problem = api.as(CONSOLE_KEY).send("POST", "/api/v1/incidents", "{\"title\":\"T\",\"message\":\"M\"}",
                Map.of(ACTOR, "x".repeat(201))).expectProblem(400, "validation-failed");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(ACTOR);
    }

    @Test
    void theAuditLogListsEveryCommandWithActorIncidentAndOutcome() {
        String person = "Auditor " + UUID.randomUUID();
        String id = api.as(CONSOLE_KEY).send("POST", "/api/v1/incidents", "{\"title\":\"T\",\"message\":\"M\"}", Map.of(ACTOR, person))
                .expect(201).json().get("id").asString();
        api.as(CONSOLE_KEY).send("POST", "/api/v1/incidents/" + id + "/publish", "{}", Map.of(ACTOR, person)).expect(409);

        JsonNode page = api.get("/api/v1/audit?actor=" + person.replace(" ", "%20")).expect(200).json();

        JsonNode items = page.get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("command").asString()).isEqualTo("incident.open");
        assertThat(items.get(0).get("incidentId").asString()).isEqualTo(id);
        assertThat(items.get(0).get("outcome").asString()).isEqualTo("accepted");
        assertThat(items.get(0).get("apiKey").asString()).isEqualTo("console");
        assertThat(items.get(1).get("command").asString()).isEqualTo("incident.publish");
        assertThat(items.get(1).get("outcome").asString()).isEqualTo("rejected");
        assertThat(items.get(1).get("status").asInt()).isEqualTo(409);
        assertThat(page.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void theAuditLogPagesWithACursorAndFiltersByTime() {
        String person = "Pager " + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            api.as(CONSOLE_KEY).send("POST", "/api/v1/incidents", "{\"title\":\"T" + i + "\",\"message\":\"M\"}", Map.of(ACTOR, person))
                    .expect(201);
        }
        String query = "/api/v1/audit?limit=2&actor=" + person.replace(" ", "%20");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(query + (cursor == null ? "" : "&cursor=" + cursor)).expect(200).json();
            page.get("items").forEach(item -> seen.add(item.get("incidentId").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null);
        JsonNode future = api.get(query + "&since=2999-01-01T00:00:00Z").expect(200).json();

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(future.get("items")).isEmpty();
    }

    @Test
    void badAuditParametersAreBadRequestsNamingTheParameter() {
        JsonNode limit = api.get("/api/v1/audit?limit=0").expectProblem(400, "validation-failed");
        JsonNode since = api.get("/api/v1/audit?since=yesterday").expectProblem(400, "validation-failed");
        JsonNode cursor = api.get("/api/v1/audit?cursor=abc").expectProblem(400, "validation-failed");

        assertThat(limit.get("errors").get(0).get("field").asString()).isEqualTo("limit");
        assertThat(since.get("errors").get(0).get("field").asString()).isEqualTo("since");
        assertThat(cursor.get("errors").get(0).get("field").asString()).isEqualTo("cursor");
    }
}
