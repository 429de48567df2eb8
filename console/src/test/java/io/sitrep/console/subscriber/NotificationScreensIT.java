package io.sitrep.console.subscriber;

import io.sitrep.console.Browserless;
import io.sitrep.console.ConsoleIntegrationTest;
import io.sitrep.console.StandInApi;
import io.sitrep.console.account.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscribers, deliveries and audit screens, with notification-service and incident-service stood in for by one
 * stand-in on loopback that answers as their OpenAPI descriptions say and records what it was sent.
 */
class NotificationScreensIT extends ConsoleIntegrationTest {

    private static final String SUBSCRIPTION = "3f6b9d2e-8a41-4c7f-9e05-b1d8a6c4e723";
    private static final String INCIDENT = "7f0c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
    private static final StandInApi SERVICES = StandInApi.start();

    static {
        SERVICES.answer("GET", "/api/v1/subscribers/counts", 200, """
                {"items":[{"channel":"email","component":"api","active":12,"pending":1},
                          {"channel":"google_chat","active":2,"pending":0}]}""");
        SERVICES.answerWhen("GET", "/api/v1/subscribers/search", "email=bad", 400,
                problem(400, "validation-failed", "email", "must be an email address of at most 320 characters"));
        SERVICES.answer("GET", "/api/v1/subscribers/search", 200, """
                {"items":[{"id":"%s","channel":"email","address":"ann@example.com","components":["api"],
                           "status":"active","createdAt":"2026-12-01T08:00:00Z"}],"nextCursor":null}""".formatted(SUBSCRIPTION));
        SERVICES.answer("DELETE", "/api/v1/subscriptions/" + SUBSCRIPTION, 204, "");
        SERVICES.answer("GET", "/api/v1/deliveries/failing", 200, """
                {"items":[{"subscriptionId":"%s","channel":"webhook","target":"https://hooks.example.com","status":"active",
                           "consecutiveFailures":7,"failingSince":"2026-12-01T08:30:00Z","lastError":"HTTP 503","lastStatusCode":503},
                          {"subscriptionId":"11111111-2222-4333-8444-555555555555","channel":"slack","target":"https://hooks.slack.com/…WXYZ",
                           "status":"disabled","disabledReason":"failing for longer than 3 days","consecutiveFailures":40,
                           "lastError":"connect timed out"}],"truncated":false}""".formatted(SUBSCRIPTION));
        SERVICES.answer("GET", "/api/v1/deliveries/dead", 200, """
                {"items":[{"id":"99999999-2222-4333-8444-555555555555","subscriptionId":"%s","channel":"webhook",
                           "target":"https://hooks.example.com","eventType":"incident.opened","attemptCount":4,"lastStatusCode":503,
                           "lastError":"HTTP 503","deadAt":"2026-12-01T08:45:00Z"}],"truncated":false}""".formatted(SUBSCRIPTION));
        SERVICES.answerWhen("POST", "/api/v1/deliveries/redrive", "\"since\":\"yesterday\"", 400,
                problem(400, "malformed-request", "since", "must be an RFC 3339 date-time"));
        SERVICES.answerWhen("POST", "/api/v1/deliveries/redrive", "\"dryRun\":true", 200, "{\"redriven\":3,\"dryRun\":true}");
        SERVICES.answer("POST", "/api/v1/deliveries/redrive", 200, "{\"redriven\":3,\"dryRun\":false}");
        SERVICES.answer("GET", "/api/v1/audit", 200, """
                {"items":[{"at":"2026-12-01T09:05:00Z","actor":"ada","command":"incident.resolve","incidentId":"%1$s","outcome":"accepted","status":200},
                          {"at":"2026-12-01T09:04:00Z","actor":"ada","command":"incident.update","incidentId":"%1$s","outcome":"accepted","status":201},
                          {"at":"2026-12-01T09:03:00Z","actor":"bob","command":"incident.resolve","incidentId":"00000000-0000-4000-8000-000000000000","outcome":"accepted","status":200}],
                 "nextCursor":null}""".formatted(INCIDENT));
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        properties.add("sitrep.console.api.notification-url", SERVICES::url);
        properties.add("sitrep.console.api.incident-url", SERVICES::url);
    }

    @AfterAll
    static void stop() {
        SERVICES.close();
    }

    private static String problem(int status, String type, String field, String message) {
        return "{\"type\":\"urn:sitrep:problem:" + type + "\",\"title\":\"The request is not valid\",\"status\":" + status
                + ",\"detail\":\"See the errors\",\"errors\":[{\"field\":\"" + field + "\",\"message\":\"" + message + "\"}]}";
    }

    private static List<String> receivedFrom(String actor) {
        return SERVICES.received().stream().filter(request -> request.contains(" actor=" + actor + " ")).toList();
    }

    @Test
    void aViewerSeesTheCountsFailingEndpointsAndDeadLettersWithoutAButtonThatChangesAnything() {
        Browserless viewer = browser();
        viewer.signIn(anAccount(Role.VIEWER), PASSWORD);

        HttpResponse<String> subscribers = viewer.get("/subscribers");
        HttpResponse<String> deliveries = viewer.get("/deliveries");

        assertThat(subscribers.statusCode()).isEqualTo(200);
        assertThat(subscribers.body()).contains("id=\"subscriber-counts\"",
                "<tr><td>Every component</td><td>Google Chat</td><td>2</td><td>0</td></tr>",
                "<tr><td>api</td><td>Email</td><td>12</td><td>1</td></tr>")
                .doesNotContain("id=\"find-subscriber\"", "/remove");
        assertThat(deliveries.statusCode()).isEqualTo(200);
        assertThat(deliveries.body()).contains("<td>https://hooks.example.com</td>", "Failing: 7 attempts failed in a row since 2026-12-01 08:30 UTC",
                "<td>HTTP 503</td>", "Disabled: failing for longer than 3 days", "connect timed out", "id=\"dead-letters\"",
                "<td>incident.opened</td>")
                .doesNotContain("id=\"redrive-check\"", "/deliveries/redrive");
    }

    @Test
    void nowNamesTheFailingDeliveryEndpointsInWordsAndLinksToDeliveries() {
        Browserless viewer = browser();
        viewer.signIn(anAccount(Role.VIEWER), PASSWORD);

        HttpResponse<String> now = viewer.get("/");
        HttpResponse<String> lists = viewer.get("/now/lists");

        assertThat(now.statusCode()).isEqualTo(200);
        assertThat(now.body()).contains("Failing delivery endpoints (2)", "id=\"now-failing\"",
                "<strong>https://hooks.example.com</strong> (Webhook): <span class=\"status\">Failing: 7 attempts failed in a row since 2026-12-01 08:30 UTC</span>; last error: HTTP 503",
                "Disabled: failing for longer than 3 days", "href=\"/deliveries\"")
                .doesNotContain("Could not read failing delivery endpoints");
        assertThat(lists.body()).contains("id=\"now-failing\"");
    }

    @Test
    void aViewersAndARespondersChangesAreRefused() {
        String viewerName = anAccount(Role.VIEWER);
        Browserless viewer = browser();
        viewer.signIn(viewerName, PASSWORD);
        String responderName = anAccount(Role.RESPONDER);
        Browserless responder = browser();
        responder.signIn(responderName, PASSWORD);
        viewer.get("/subscribers");
        responder.get("/subscribers");

        String address = "refused-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        int viewerFinds = viewer.post("/subscribers/find", Map.of("address", address)).statusCode();
        int viewerRemoves = viewer.post("/subscribers/" + SUBSCRIPTION + "/remove", Map.of()).statusCode();
        int viewerRedrives = viewer.post("/deliveries/redrive", Map.of()).statusCode();
        int viewerCounts = viewer.get("/deliveries/redrive").statusCode();
        int responderFinds = responder.post("/subscribers/find", Map.of("address", address)).statusCode();
        int responderRemoves = responder.post("/subscribers/" + SUBSCRIPTION + "/remove", Map.of()).statusCode();

        assertThat(List.of(viewerFinds, viewerRemoves, viewerRedrives, viewerCounts, responderFinds, responderRemoves)).containsOnly(403);
        assertThat(receivedFrom(viewerName)).isEmpty();
        assertThat(receivedFrom(responderName)).isEmpty();
        assertThat(SERVICES.received()).noneMatch(request -> request.contains(address));
    }

    @Test
    void anAdminFindsASubscriberByEmailAndRemovesItAsThemselves() {
        String name = anAccount(Role.ADMIN);
        Browserless admin = browser();
        admin.signIn(name, PASSWORD);
        admin.get("/subscribers");

        HttpResponse<String> found = admin.post("/subscribers/find", Map.of("address", " ann@example.com "));
        HttpResponse<String> removed = admin.post("/subscribers/" + SUBSCRIPTION + "/remove", Map.of());
        HttpResponse<String> after = admin.get(Browserless.location(removed));

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("id=\"found-subscribers\"", "<td>ann@example.com</td>", "<td>Active</td>",
                "action=\"/subscribers/" + SUBSCRIPTION + "/remove\"");
        assertThat(SERVICES.received()).anySatisfy(request -> assertThat(request).startsWith("GET /api/v1/subscribers/search?limit=20&email=ann%40example.com "));
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(after.body()).contains("id=\"removed\"");
        assertThat(receivedFrom(name)).containsExactly("DELETE /api/v1/subscriptions/" + SUBSCRIPTION + " actor=" + name + " if-match=null ");
    }

    @Test
    void anAdminFindsByHostAndSeesTheServicesProblemNextToTheAddress() {
        Browserless admin = browser();
        admin.signIn(anAccount(Role.ADMIN), PASSWORD);
        admin.get("/subscribers");

        admin.post("/subscribers/find", Map.of("address", "hooks.example.com"));
        HttpResponse<String> refused = admin.post("/subscribers/find", Map.of("address", "bad@example.com"));

        assertThat(SERVICES.received()).anySatisfy(request -> assertThat(request).startsWith("GET /api/v1/subscribers/search?limit=20&host=hooks.example.com "));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("aria-describedby=\"address-problem\"", "id=\"address-problem\"",
                "host: must be an email address of at most 320 characters");
    }

    @Test
    void removingASubscriberAndReDrivingNeedTheCsrfToken() {
        String name = anAccount(Role.ADMIN);
        Browserless admin = browser();
        admin.signIn(name, PASSWORD);

        HttpResponse<String> remove = admin.postWithoutToken("/subscribers/" + SUBSCRIPTION + "/remove", Map.of());
        HttpResponse<String> find = admin.postWithoutToken("/subscribers/find", Map.of("address", "ann@example.com"));
        HttpResponse<String> redrive = admin.postWithoutToken("/deliveries/redrive", Map.of());

        assertThat(List.of(remove.statusCode(), find.statusCode(), redrive.statusCode())).containsOnly(403);
        assertThat(receivedFrom(name)).isEmpty();
    }

    @Test
    void aResponderSeesTheDryRunCountWhichChangesNothingThenReDrivesAsThemselves() {
        String name = anAccount(Role.RESPONDER);
        Browserless responder = browser();
        responder.signIn(name, PASSWORD);

        HttpResponse<String> deliveries = responder.get("/deliveries");
        HttpResponse<String> check = responder.get("/deliveries/redrive?subscriptionId=" + SUBSCRIPTION + "&since=2026-12-01T08:00:00Z");
        List<String> beforeConfirming = receivedFrom(name);
        HttpResponse<String> redriven = responder.post("/deliveries/redrive",
                Map.of("subscriptionId", SUBSCRIPTION, "since", "2026-12-01T08:00:00Z", "until", ""));
        HttpResponse<String> after = responder.get(Browserless.location(redriven));

        assertThat(deliveries.body()).contains("id=\"redrive-check\"", "href=\"/deliveries/redrive?subscriptionId=" + SUBSCRIPTION + "\"");
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.body()).contains("This would re-send 3 deliveries. Nothing was changed yet.", "id=\"redrive-confirm\"",
                "name=\"since\" value=\"2026-12-01T08:00:00Z\"");
        assertThat(beforeConfirming).containsExactly("POST /api/v1/deliveries/redrive actor=" + name
                + " if-match=null {\"subscriptionId\":\"" + SUBSCRIPTION + "\",\"since\":\"2026-12-01T08:00:00Z\",\"dryRun\":true}");
        assertThat(redriven.statusCode()).isEqualTo(302);
        assertThat(Browserless.location(redriven)).isEqualTo("/deliveries?redriven=3");
        assertThat(after.body()).contains("3 deliveries were queued to be sent again.");
        assertThat(receivedFrom(name)).last().isEqualTo("POST /api/v1/deliveries/redrive actor=" + name
                + " if-match=null {\"subscriptionId\":\"" + SUBSCRIPTION + "\",\"since\":\"2026-12-01T08:00:00Z\",\"dryRun\":false}");
    }

    @Test
    void aReDriveTheServiceRefusesShowsTheProblemNextToTheField() {
        Browserless responder = browser();
        responder.signIn(anAccount(Role.RESPONDER), PASSWORD);

        HttpResponse<String> check = responder.get("/deliveries/redrive?since=yesterday");

        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.body()).contains("id=\"redrive-check\"", "aria-describedby=\"since-problem\"",
                "must be an RFC 3339 date-time").doesNotContain("id=\"redrive-confirm\"");
    }

    @Test
    void anAdminFiltersTheAuditByIncidentAndAction() {
        Browserless admin = browser();
        admin.signIn(anAccount(Role.ADMIN), PASSWORD);

        HttpResponse<String> audit = admin.get("/audit?incident=" + INCIDENT + "&action=incident.resolve");
        int calls = SERVICES.received().size();
        HttpResponse<String> notAnId = admin.get("/audit?incident=checkout");

        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("<td>ada</td>", "<td>incident.resolve</td>", "value=\"" + INCIDENT + "\"")
                .doesNotContain("<td>bob</td>", "<td>incident.update</td>");
        assertThat(SERVICES.received()).anySatisfy(request -> assertThat(request).startsWith("GET /api/v1/audit?limit=1000 "));
        assertThat(notAnId.body()).contains("id=\"incident-problem\">Incident (its id): must be the id of an incident");
        assertThat(SERVICES.received()).hasSize(calls);
    }
}
