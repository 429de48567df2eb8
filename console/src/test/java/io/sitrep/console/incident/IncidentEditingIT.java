package io.sitrep.console.incident;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renaming and the audit through the console's screens, with incident-service stood in for on loopback: it answers as
 * the OpenAPI description says (the incident for every path but the audit and the components) and records what it was sent.
 */
class IncidentEditingIT extends ConsoleIntegrationTest {

    private static final String ID = "7f0c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
    private static final String UPDATE_ID = "11111111-2222-4333-8444-555555555555";
    private static final StandInApi INCIDENT_SERVICE = StandInApi.start();

    static {
        INCIDENT_SERVICE.answer("GET", "/api/v1/audit", 200, """
                {"items":[{"at":"2026-12-01T09:05:00Z","actor":"someone-else","command":"incident.edit","incidentId":"%s",
                 "outcome":"accepted","status":200}],"nextCursor":"42"}""".formatted(ID));
        INCIDENT_SERVICE.answer("GET", "/api/v1/components", 200, "[]");
        INCIDENT_SERVICE.answerOtherwise(200, """
                {"id":"%s","title":"Checkout down","status":"investigating","impact":"major","visibility":"public","version":3,
                 "components":[],"updates":[{"id":"%s","version":1,"status":"investigating","impact":"major",
                 "message":"Looking into it","occurredAt":"2026-12-01T09:00:00Z","componentChanges":[],"actor":"ada"}]}""".formatted(ID, UPDATE_ID));
    }

    @DynamicPropertySource
    static void incidentService(DynamicPropertyRegistry properties) {
        properties.add("sitrep.console.api.incident-url", INCIDENT_SERVICE::url);
    }

    @AfterAll
    static void stop() {
        INCIDENT_SERVICE.close();
    }

    @Test
    void renamesAnIncidentAsThePersonOnTheVersionTheScreenShowed() {
        String name = anAccount(Role.RESPONDER);
        Browserless responder = browser();
        responder.signIn(name, PASSWORD);

        HttpResponse<String> screen = responder.get("/incidents/" + ID);
        HttpResponse<String> renamed = responder.post("/incidents/" + ID + "/edit",
                Map.of("version", "3", "action", "edit", "title", "Checkout slow", "impact", ""));

        assertThat(screen.body()).contains("id=\"edit-form\"", "value=\"Checkout down\"",
                "action=\"/incidents/" + ID + "/updates/" + UPDATE_ID + "/edit\"").doesNotContain("id=\"delete-incident\"");
        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(Browserless.location(renamed)).isEqualTo("/incidents/" + ID);
        assertThat(INCIDENT_SERVICE.received()).anySatisfy(request -> assertThat(request)
                .isEqualTo("PATCH /api/v1/incidents/" + ID + " actor=" + name + " if-match=\"3\" {\"title\":\"Checkout slow\"}"));
    }

    @Test
    void showsAnAdminTheAuditFilteredByPersonWithTheNextPage() {
        Browserless admin = browser();
        admin.signIn(anAccount(Role.ADMIN), PASSWORD);

        HttpResponse<String> audit = admin.get("/audit?actor=someone-else");

        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("<td>someone-else</td>", "<td>incident.edit</td>",
                "href=\"/audit?actor=someone-else&amp;cursor=42\"");
        assertThat(INCIDENT_SERVICE.received()).anySatisfy(request -> assertThat(request).startsWith("GET /api/v1/audit?limit=50&actor=someone-else "));
    }
}
