package io.sitrep.console.component;

import io.sitrep.console.Browserless;
import io.sitrep.console.ConsoleIntegrationTest;
import io.sitrep.console.StandInApi;
import io.sitrep.console.account.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The components screens against a stand-in incident-service on loopback that answers as its OpenAPI description
 * says and records what it was sent.
 */
class ComponentScreensIT extends ConsoleIntegrationTest {

    private static final StandInApi INCIDENT_SERVICE = StandInApi.start();

    @DynamicPropertySource
    static void incidentService(DynamicPropertyRegistry properties) {
        properties.add("sitrep.console.api.incident-url", INCIDENT_SERVICE::url);
    }

    @AfterAll
    static void stop() {
        INCIDENT_SERVICE.close();
    }

    private static void componentsAre() {
        INCIDENT_SERVICE.answer("GET", "/api/v1/components", 200, """
                {"items":[
                 {"id":"api","name":"API","group":"Platform","description":"The public REST API","position":2,"status":"degraded_performance","version":3},
                 {"id":"web","name":"Web","group":"Platform","description":null,"status":"operational","version":1},
                 {"id":"mail","name":"Mail","group":null,"description":null,"status":"under_maintenance","version":2}]}""");
    }

    @Test
    void showsAViewerTheComponentsByGroupWithTheirStatusInWordsAndNoButtonThatChangesThem() {
        componentsAre();
        Browserless viewer = browser();
        viewer.signIn(anAccount(Role.VIEWER), PASSWORD);

        HttpResponse<String> screen = viewer.get("/components");

        assertThat(screen.statusCode()).isEqualTo(200);
        String body = screen.body();
        assertThat(body).contains("<h2 id=\"group-Platform\">Platform</h2>", "Not in a group", "The public REST API",
                "id=\"component-api-status\">Degraded performance<", "id=\"component-mail-status\">Under maintenance<");
        assertThat(body.indexOf("component-api")).isLessThan(body.indexOf("component-web")).isLessThan(body.indexOf("component-mail"));
        assertThat(body).contains("<strong>API</strong> (api, position 2):", "<strong>Web</strong> (web):");
        assertThat(body).doesNotContain("id=\"define-component\"", "/components/api/status", "/components/api/edit");
    }

    @Test
    void definesANewComponentAsTheAdminSignedIn() {
        String id = "checkout-" + UUID.randomUUID().toString().substring(0, 8);
        INCIDENT_SERVICE.answer("PUT", "/api/v1/components/" + id, 201,
                "{\"id\":\"" + id + "\",\"name\":\"Checkout\",\"group\":\"Shop\",\"status\":\"operational\",\"version\":1}");
        String name = anAccount(Role.ADMIN);
        Browserless admin = browser();
        admin.signIn(name, PASSWORD);
        admin.get("/components/new");

        HttpResponse<String> defined = admin.post("/components", Map.of("id", id, "name", "Checkout", "group", "Shop", "description", "Pay for the cart"));

        assertThat(defined.statusCode()).isEqualTo(302);
        assertThat(Browserless.location(defined)).isEqualTo("/components?defined=" + id);
        assertThat(INCIDENT_SERVICE.received("PUT", "/api/v1/components/" + id)).singleElement().isEqualTo("PUT /api/v1/components/" + id
                + " actor=" + name + " if-match=null {\"name\":\"Checkout\",\"group\":\"Shop\",\"description\":\"Pay for the cart\"}");
    }

    @Test
    void refusesToDefineANewComponentOverOneThatExists() {
        String id = "taken-" + UUID.randomUUID().toString().substring(0, 8);
        INCIDENT_SERVICE.answer("GET", "/api/v1/components/" + id, 200, "{\"id\":\"" + id + "\",\"name\":\"Taken\",\"status\":\"operational\",\"version\":1}");
        Browserless admin = browser();
        admin.signIn(anAccount(Role.ADMIN), PASSWORD);
        admin.get("/components/new");

        HttpResponse<String> refused = admin.post("/components", Map.of("id", id, "name", "Another"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"id-problem\"", "is taken", "value=\"Another\"");
        assertThat(INCIDENT_SERVICE.received("PUT", "/api/v1/components/" + id)).isEmpty();
    }

    @Test
    void showsAnIdThatIncidentServiceWouldRefuseNextToTheIdField() {
        Browserless admin = browser();
        admin.signIn(anAccount(Role.ADMIN), PASSWORD);
        admin.get("/components/new");

        HttpResponse<String> refused = admin.post("/components", Map.of("id", "Not An Id", "name", "Checkout"));

        assertThat(refused.body()).contains("aria-describedby=\"id-problem\"", "must be lower-case letters");
    }

    @Test
    void showsTheFieldIncidentServiceNamesNextToThatFieldAndKeepsWhatWasTyped() {
        String id = "nameless-" + UUID.randomUUID().toString().substring(0, 8);
        INCIDENT_SERVICE.answer("PUT", "/api/v1/components/" + id, 400, """
                {"type":"urn:sitrep:problem:validation-failed","title":"Validation failed","status":400,
                 "errors":[{"field":"name","message":"must not be blank"}]}""");
        Browserless admin = browser();
        admin.signIn(anAccount(Role.ADMIN), PASSWORD);
        admin.get("/components/new");

        HttpResponse<String> refused = admin.post("/components", Map.of("id", id, "name", " ", "group", "Shop"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"form-problem\">Validation failed<",
                "<span class=\"field-problem\" id=\"name-problem\">Name: must not be blank</span>", "value=\"Shop\"");
    }

    @Test
    void editsAComponentsNameGroupAndDescriptionFromTheFormShowingThem() {
        INCIDENT_SERVICE.answer("GET", "/api/v1/components/search", 200,
                "{\"id\":\"search\",\"name\":\"Search\",\"group\":\"Shop\",\"description\":\"Finds things\",\"status\":\"operational\",\"version\":2}");
        INCIDENT_SERVICE.answer("PUT", "/api/v1/components/search", 200,
                "{\"id\":\"search\",\"name\":\"Product search\",\"group\":null,\"status\":\"operational\",\"version\":3}");
        String name = anAccount(Role.ADMIN);
        Browserless admin = browser();
        admin.signIn(name, PASSWORD);

        HttpResponse<String> form = admin.get("/components/search/edit");
        HttpResponse<String> saved = admin.post("/components/search", Map.of("name", "Product search", "group", "", "description", "Finds things"));

        assertThat(form.body()).contains("value=\"Search\"", "value=\"Shop\"", ">Finds things</textarea>", "action=\"/components/search\"");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(INCIDENT_SERVICE.received("PUT", "/api/v1/components/search")).last().isEqualTo("PUT /api/v1/components/search actor=" + name
                + " if-match=null {\"name\":\"Product search\",\"group\":\"\",\"description\":\"Finds things\"}");
    }

    // Issue 18: admins order components; the form shows a component's position and sends the one typed.
    @Test
    void sendsThePositionTypedAndShowsTheOneAComponentHas() {
        INCIDENT_SERVICE.answer("GET", "/api/v1/components/billing", 200,
                "{\"id\":\"billing\",\"name\":\"Billing\",\"group\":\"Shop\",\"description\":null,\"position\":4,\"status\":\"operational\",\"version\":2}");
        INCIDENT_SERVICE.answer("PUT", "/api/v1/components/billing", 200,
                "{\"id\":\"billing\",\"name\":\"Billing\",\"group\":\"Shop\",\"position\":1,\"status\":\"operational\",\"version\":3}");
        String name = anAccount(Role.ADMIN);
        Browserless admin = browser();
        admin.signIn(name, PASSWORD);

        HttpResponse<String> form = admin.get("/components/billing/edit");
        HttpResponse<String> moved = admin.post("/components/billing", Map.of("name", "Billing", "group", "Shop", "description", "", "position", " 1 "));
        HttpResponse<String> unordered = admin.post("/components/billing", Map.of("name", "Billing", "group", "Shop", "description", "", "position", ""));
        HttpResponse<String> typo = admin.post("/components/billing", Map.of("name", "Billing", "group", "Shop", "description", "", "position", "first"));

        assertThat(form.body()).contains("<label for=\"position\">Position in its group", "name=\"position\" type=\"text\" value=\"4\"");
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(unordered.statusCode()).isEqualTo(302);
        assertThat(typo.statusCode()).isEqualTo(302);
        assertThat(INCIDENT_SERVICE.received("PUT", "/api/v1/components/billing")).containsSubsequence(
                "PUT /api/v1/components/billing actor=" + name + " if-match=null {\"name\":\"Billing\",\"group\":\"Shop\",\"description\":\"\",\"position\":1}",
                "PUT /api/v1/components/billing actor=" + name + " if-match=null {\"name\":\"Billing\",\"group\":\"Shop\",\"description\":\"\"}",
                "PUT /api/v1/components/billing actor=" + name + " if-match=null {\"name\":\"Billing\",\"group\":\"Shop\",\"description\":\"\",\"position\":\"first\"}");
    }

    @Test
    void showsAPositionIncidentServiceRefusesNextToThePositionField() {
        String id = "misplaced-" + UUID.randomUUID().toString().substring(0, 8);
        INCIDENT_SERVICE.answer("PUT", "/api/v1/components/" + id, 400, """
                {"type":"urn:sitrep:problem:validation-failed","title":"Validation failed","status":400,
                 "errors":[{"field":"position","message":"must be less than or equal to 10000"}]}""");
        Browserless admin = browser();
        admin.signIn(anAccount(Role.ADMIN), PASSWORD);
        admin.get("/components/new");

        HttpResponse<String> refused = admin.post("/components", Map.of("id", id, "name", "Misplaced", "position", "10001"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("aria-describedby=\"position-problem\"", "must be less than or equal to 10000", "value=\"10001\"");
        assertThat(INCIDENT_SERVICE.received("PUT", "/api/v1/components/" + id)).singleElement().asString().endsWith(",\"position\":10001}");
    }

    @Test
    void setsAComponentsStatusAsTheAdminSignedIn() {
        componentsAre();
        INCIDENT_SERVICE.answer("PATCH", "/api/v1/components/web", 200, "{\"id\":\"web\",\"name\":\"Web\",\"status\":\"major_outage\",\"version\":2}");
        String name = anAccount(Role.ADMIN);
        Browserless admin = browser();
        admin.signIn(name, PASSWORD);
        HttpResponse<String> screen = admin.get("/components");

        HttpResponse<String> set = admin.post("/components/web/status", Map.of("status", "major_outage"));

        assertThat(screen.body()).contains("id=\"define-component\"", "action=\"/components/web/status\"", "<label for=\"status-web\">Status of Web</label>");
        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(INCIDENT_SERVICE.received("PATCH", "/api/v1/components/web")).last()
                .isEqualTo("PATCH /api/v1/components/web actor=" + name + " if-match=null {\"status\":\"major_outage\"}");
    }

    @Test
    void refusesAViewerAndAResponderEveryChangeToComponents() {
        for (Role role : new Role[]{Role.VIEWER, Role.RESPONDER}) {
            Browserless person = browser();
            person.signIn(anAccount(role), PASSWORD);
            person.get("/components");

            assertThat(person.get("/components/new").statusCode()).as(role + " new").isEqualTo(403);
            assertThat(person.get("/components/api/edit").statusCode()).as(role + " edit form").isEqualTo(403);
            assertThat(person.post("/components", Map.of("id", "x", "name", "X")).statusCode()).as(role + " define").isEqualTo(403);
            assertThat(person.post("/components/api", Map.of("name", "X")).statusCode()).as(role + " edit").isEqualTo(403);
            assertThat(person.post("/components/api/status", Map.of("status", "major_outage")).statusCode()).as(role + " status").isEqualTo(403);
        }
        assertThat(INCIDENT_SERVICE.received("PUT", "/api/v1/components/x")).isEmpty();
        assertThat(INCIDENT_SERVICE.received("PUT", "/api/v1/components/api")).isEmpty();
        assertThat(INCIDENT_SERVICE.received("PATCH", "/api/v1/components/api")).isEmpty();
    }
}
