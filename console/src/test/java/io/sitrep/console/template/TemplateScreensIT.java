package io.sitrep.console.template;

import io.sitrep.console.Browserless;
import io.sitrep.console.ConsoleIntegrationTest;
import io.sitrep.console.StandInApi;
import io.sitrep.console.account.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates screens against a stand-in incident-service on loopback that answers as its OpenAPI description says
 * and records what it was sent.
 */
class TemplateScreensIT extends ConsoleIntegrationTest {

    private static final StandInApi INCIDENT_SERVICE = StandInApi.start();

    @DynamicPropertySource
    static void incidentService(DynamicPropertyRegistry properties) {
        properties.add("sitrep.console.api.incident-url", INCIDENT_SERVICE::url);
    }

    @BeforeAll
    static void catalog() {
        INCIDENT_SERVICE.answer("GET", "/api/v1/components", 200, """
                {"items":[{"id":"api","name":"API","group":"Platform","status":"operational"},
                          {"id":"web","name":"Web","group":null,"status":"operational"}]}""");
        INCIDENT_SERVICE.answer("GET", "/api/v1/templates", 200, """
                {"items":[{"id":"db-down","name":"Database down","title":"Database unavailable","impact":"major","message":"We are looking.",
                  "components":[{"id":"api","status":"major_outage"}]},
                 {"id":"blank","name":"Blank","title":null,"impact":null,"message":null,"components":[]}]}""");
        INCIDENT_SERVICE.answer("GET", "/api/v1/templates/db-down", 200, """
                {"id":"db-down","name":"Database down","title":"Database unavailable","impact":"major","message":"We are looking.",
                 "components":[{"id":"api","status":"major_outage"}]}""");
    }

    @AfterAll
    static void stop() {
        INCIDENT_SERVICE.close();
    }

    @Test
    void listsTheTemplatesAndTheFormThatOpensAnIncidentOffersThem() {
        Browserless responder = browser();
        responder.signIn(anAccount(Role.RESPONDER), PASSWORD);

        HttpResponse<String> list = responder.get("/templates");
        HttpResponse<String> open = responder.get("/incidents/new");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<strong>Database down</strong> (db-down)", "Database unavailable", "impact Major", "1 component",
                "<strong>Blank</strong> (blank)", "0 components", "href=\"/incidents/new?template=db-down\"")
                .doesNotContain("id=\"create-template\"", "/templates/db-down/edit");
        assertThat(open.body()).contains("<option value=\"db-down\">Database down</option>", "<option value=\"blank\">Blank</option>");
    }

    @Test
    void createsATemplateWithTheComponentStatusesItSetsAndLeavesOutWhatIsEmpty() {
        String id = "payments-" + UUID.randomUUID().toString().substring(0, 8);
        INCIDENT_SERVICE.answer("PUT", "/api/v1/templates/" + id, 201, "{\"id\":\"" + id + "\",\"name\":\"Payments failing\",\"components\":[]}");
        String name = anAccount(Role.ADMIN);
        Browserless admin = browser();
        admin.signIn(name, PASSWORD);
        HttpResponse<String> form = admin.get("/templates/new");
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("id", id);
        typed.put("name", "Payments failing");
        typed.put("title", "Payments are failing");
        typed.put("impact", "");
        typed.put("message", "");
        typed.put("component.api", "partial_outage");
        typed.put("component.web", "");

        HttpResponse<String> created = admin.post("/templates", typed);

        assertThat(form.body()).contains("<label for=\"component-api\">Platform / API</label>", "<option value=\"\">Left alone</option>");
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(Browserless.location(created)).isEqualTo("/templates?saved=" + id);
        assertThat(INCIDENT_SERVICE.received("PUT", "/api/v1/templates/" + id)).singleElement().isEqualTo("PUT /api/v1/templates/" + id
                + " actor=" + name + " if-match=null {\"name\":\"Payments failing\",\"title\":\"Payments are failing\","
                + "\"components\":[{\"id\":\"api\",\"status\":\"partial_outage\"}]}");
    }

    @Test
    void refusesToCreateATemplateOverOneThatExists() {
        INCIDENT_SERVICE.answer("GET", "/api/v1/templates/taken", 200, "{\"id\":\"taken\",\"name\":\"Taken\",\"components\":[]}");
        Browserless admin = browser();
        admin.signIn(anAccount(Role.ADMIN), PASSWORD);
        admin.get("/templates/new");

        HttpResponse<String> refused = admin.post("/templates", Map.of("id", "taken", "name", "Another"));

        assertThat(refused.body()).contains("id=\"id-problem\"", "is taken");
        assertThat(INCIDENT_SERVICE.received("PUT", "/api/v1/templates/taken")).isEmpty();
    }

    @Test
    void showsTheComponentIncidentServiceRefusesNextToTheComponentsAndKeepsWhatWasTyped() {
        String id = "refused-" + UUID.randomUUID().toString().substring(0, 8);
        INCIDENT_SERVICE.answer("PUT", "/api/v1/templates/" + id, 404, """
                {"type":"urn:sitrep:problem:unknown-component","title":"Unknown component","status":404,
                 "detail":"There is no component gone","errors":[{"field":"components[0].id","message":"no such component: gone"}]}""");
        Browserless admin = browser();
        admin.signIn(anAccount(Role.ADMIN), PASSWORD);
        admin.get("/templates/new");

        HttpResponse<String> refused = admin.post("/templates", Map.of("id", id, "name", "Kept name", "component.gone", "major_outage"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"form-problem\">Unknown component: There is no component gone<",
                "id=\"components-problem\">Components: no such component: gone<", "value=\"Kept name\"",
                "<option value=\"major_outage\" selected>Major outage</option>");
    }

    @Test
    void editsATemplateFromTheFormShowingIt() {
        INCIDENT_SERVICE.answer("PUT", "/api/v1/templates/db-down", 200, "{\"id\":\"db-down\",\"name\":\"Database down\",\"components\":[]}");
        String name = anAccount(Role.ADMIN);
        Browserless admin = browser();
        admin.signIn(name, PASSWORD);

        HttpResponse<String> form = admin.get("/templates/db-down/edit");
        HttpResponse<String> saved = admin.post("/templates/db-down", Map.of("name", "Database down", "title", "Database unavailable",
                "impact", "critical", "message", "We are looking.", "component.api", "major_outage"));

        assertThat(form.body()).contains("action=\"/templates/db-down\"", "value=\"Database unavailable\"", ">We are looking.</textarea>",
                "<option value=\"major\" selected>Major</option>", "<option value=\"major_outage\" selected>Major outage</option>");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(INCIDENT_SERVICE.received("PUT", "/api/v1/templates/db-down")).last().isEqualTo("PUT /api/v1/templates/db-down actor=" + name
                + " if-match=null {\"name\":\"Database down\",\"title\":\"Database unavailable\",\"impact\":\"critical\","
                + "\"message\":\"We are looking.\",\"components\":[{\"id\":\"api\",\"status\":\"major_outage\"}]}");
    }

    @Test
    void refusesAViewerAndAResponderEveryChangeToTemplates() {
        for (Role role : new Role[]{Role.VIEWER, Role.RESPONDER}) {
            Browserless person = browser();
            person.signIn(anAccount(role), PASSWORD);
            person.get("/templates");

            assertThat(person.get("/templates/new").statusCode()).as(role + " form").isEqualTo(403);
            assertThat(person.get("/templates/blank/edit").statusCode()).as(role + " edit form").isEqualTo(403);
            assertThat(person.post("/templates", Map.of("id", "x", "name", "X")).statusCode()).as(role + " create").isEqualTo(403);
            assertThat(person.post("/templates/blank", Map.of("name", "X")).statusCode()).as(role + " edit").isEqualTo(403);
        }
        assertThat(INCIDENT_SERVICE.received("PUT", "/api/v1/templates/x")).isEmpty();
        assertThat(INCIDENT_SERVICE.received("PUT", "/api/v1/templates/blank")).isEmpty();
    }
}
