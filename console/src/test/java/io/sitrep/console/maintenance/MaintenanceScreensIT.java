package io.sitrep.console.maintenance;

import io.sitrep.console.Browserless;
import io.sitrep.console.ConsoleIntegrationTest;
import io.sitrep.console.StandInApi;
import io.sitrep.console.account.Role;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maintenance screens against stand-ins for incident-service and timeline-service on loopback that answer as
 * their OpenAPI descriptions say and record what they were sent.
 */
class MaintenanceScreensIT extends ConsoleIntegrationTest {

    private static final StandInApi SERVICES = StandInApi.start();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        properties.add("sitrep.console.api.incident-url", SERVICES::url);
        properties.add("sitrep.console.api.timeline-url", SERVICES::url);
    }

    @AfterAll
    static void stop() {
        SERVICES.close();
    }

    /** A local time in UTC, days ahead, as a datetime-local input sends it. */
    private static String inDays(int days, int hour) {
        return LOCAL.format(LocalDateTime.now(ZoneId.of("UTC")).plusDays(days).withHour(hour).withMinute(0));
    }

    private static String aWindow(String id, String status, long version) {
        SERVICES.answer("GET", "/api/v1/maintenances/" + id, 200, """
                {"id":"%s","title":"Database upgrade","status":"%s","version":%d,"components":[{"id":"db","name":"Database"}],
                 "scheduledFor":"2026-12-02T22:00:00Z","scheduledUntil":"2026-12-02T23:00:00Z","autoStart":true,"autoComplete":true,
                 "updates":[{"id":"%s","version":1,"status":"scheduled","previousStatus":null,"message":"We upgrade the database.",
                   "createdAt":"2026-12-01T10:00:00Z","actor":"ada"},
                  {"id":"%s","version":2,"status":"%s","previousStatus":"scheduled","message":"Begun.","createdAt":"2026-12-02T22:00:00Z",
                   "actor":"scheduler"}]}""".formatted(id, status, version, UUID.randomUUID(), UUID.randomUUID(), status));
        return id;
    }

    @Test
    void showsAViewerTheWindowsInProgressUpcomingAndFinishedWithNoButtonThatChangesThem() {
        SERVICES.answer("GET", "/api/v1/maintenances", 200, """
                {"items":[
                 {"id":"%s","title":"Later upgrade","status":"scheduled","scheduledFor":"2026-12-20T22:00:00Z","scheduledUntil":"2026-12-20T23:00:00Z","components":[]},
                 {"id":"%s","title":"Sooner upgrade","status":"scheduled","scheduledFor":"2026-12-10T22:00:00Z","scheduledUntil":"2026-12-10T23:00:00Z","components":[]},
                 {"id":"%s","title":"Network work","status":"in_progress","scheduledFor":"2026-12-01T08:00:00Z","scheduledUntil":"2026-12-01T23:00:00Z",
                  "components":[{"id":"net","name":"Network"}]},
                 {"id":"%s","title":"Old move","status":"completed","scheduledFor":"2026-11-01T08:00:00Z","scheduledUntil":"2026-11-01T09:00:00Z","components":[]}],
                 "nextCursor":null}""".formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        Browserless viewer = browser();
        viewer.signIn(anAccount(Role.VIEWER), PASSWORD);

        HttpResponse<String> screen = viewer.get("/maintenance");

        assertThat(screen.statusCode()).isEqualTo(200);
        String body = screen.body();
        String active = body.substring(body.indexOf("id=\"active\""), body.indexOf("id=\"upcoming\""));
        String upcoming = body.substring(body.indexOf("id=\"upcoming\""), body.indexOf("id=\"finished\""));
        String finished = body.substring(body.indexOf("id=\"finished\""));
        assertThat(active).contains("Network work", "In progress", "2026-12-01 23:00 UTC", "Network");
        assertThat(upcoming.indexOf("Sooner upgrade")).isPositive().isLessThan(upcoming.indexOf("Later upgrade"));
        assertThat(finished).contains("Old move", "Completed");
        assertThat(body).doesNotContain("id=\"schedule-maintenance\"");
        assertThat(SERVICES.received("GET", "/api/v1/maintenances")).last(InstanceOfAssertFactories.STRING).startsWith("GET /api/v1/maintenances?status=all&limit=100 ");
    }

    @Test
    void schedulesAWindowWithTheTimesTypedInTheStatedZoneAsInstants() {
        String id = UUID.randomUUID().toString();
        SERVICES.answer("GET", "/api/v1/components", 200, "{\"items\":[{\"id\":\"db\",\"name\":\"Database\",\"group\":\"Data\",\"status\":\"operational\"}]}");
        SERVICES.answer("POST", "/api/v1/maintenances", 201, "{\"id\":\"" + id + "\",\"title\":\"Database upgrade\",\"status\":\"scheduled\",\"version\":1}");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDateTime start = LocalDateTime.now(berlin).plusDays(3).withHour(22).withMinute(0).withSecond(0).withNano(0);
        String name = anAccount(Role.ADMIN);
        Browserless admin = browser();
        admin.signIn(name, PASSWORD);
        HttpResponse<String> form = admin.get("/maintenance/new");

        HttpResponse<String> scheduled = admin.post("/maintenance", Map.of("title", "Database upgrade", "message", "We upgrade the database.",
                "zone", "Europe/Berlin", "scheduledFor", LOCAL.format(start), "scheduledUntil", LOCAL.format(start.plusHours(2)),
                "autoStart", "true", "components", "db"));

        assertThat(form.body()).contains("type=\"datetime-local\"", "<label for=\"scheduledFor\">Start (UTC)</label>", "value=\"UTC\"",
                "name=\"components\" value=\"db\"", "Data / Database");
        assertThat(scheduled.statusCode()).isEqualTo(302);
        assertThat(Browserless.location(scheduled)).isEqualTo("/maintenance/" + id);
        assertThat(SERVICES.received("POST", "/api/v1/maintenances")).last().isEqualTo("POST /api/v1/maintenances actor=" + name
                + " if-match=null {\"title\":\"Database upgrade\",\"message\":\"We upgrade the database.\",\"components\":[\"db\"],"
                + "\"scheduledFor\":\"" + start.atZone(berlin).toInstant() + "\",\"scheduledUntil\":\"" + start.plusHours(2).atZone(berlin).toInstant()
                + "\",\"autoStart\":true,\"autoComplete\":false}");
    }

    @Test
    void showsATimeInThePastAnEndBeforeTheStartAndAZoneThatIsNoneNextToTheirFieldsWithoutSendingAnything() {
        int before = SERVICES.received("POST", "/api/v1/maintenances").size();
        Browserless admin = browser();
        admin.signIn(anAccount(Role.ADMIN), PASSWORD);
        admin.get("/maintenance/new");

        HttpResponse<String> past = admin.post("/maintenance", Map.of("title", "Late", "message", "x", "zone", "UTC",
                "scheduledFor", "2020-01-01T10:00", "scheduledUntil", "2019-12-31T10:00"));
        HttpResponse<String> badZone = admin.post("/maintenance", Map.of("title", "Late", "message", "x", "zone", "Mars/Olympus",
                "scheduledFor", inDays(2, 10), "scheduledUntil", inDays(2, 11)));
        HttpResponse<String> notATime = admin.post("/maintenance", Map.of("title", "Late", "message", "x", "zone", "UTC",
                "scheduledFor", "tomorrow", "scheduledUntil", inDays(2, 11)));

        assertThat(past.body()).contains("id=\"scheduledFor-problem\">Start: must not lie in the past",
                "id=\"scheduledUntil-problem\">End: must be after the start", "value=\"Late\"");
        assertThat(badZone.body()).contains("id=\"zone-problem\"", "is not a time zone");
        assertThat(notATime.body()).contains("id=\"scheduledFor-problem\">Start: must be a date and time such as");
        assertThat(SERVICES.received("POST", "/api/v1/maintenances")).hasSize(before);
    }

    @Test
    void showsTheFieldIncidentServiceNamesNextToThatField() {
        SERVICES.answer("GET", "/api/v1/components", 200, "{\"items\":[]}");
        SERVICES.answer("POST", "/api/v1/maintenances", 400, """
                {"type":"urn:sitrep:problem:validation-failed","title":"Validation failed","status":400,
                 "errors":[{"field":"title","message":"must not be blank"}]}""");
        Browserless admin = browser();
        admin.signIn(anAccount(Role.ADMIN), PASSWORD);
        admin.get("/maintenance/new");

        HttpResponse<String> refused = admin.post("/maintenance", Map.of("title", "", "message", "Typed", "zone", "UTC",
                "scheduledFor", inDays(2, 10), "scheduledUntil", inDays(2, 11)));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("<span class=\"field-problem\" id=\"title-problem\">Title: must not be blank</span>",
                ">Typed</textarea>", "value=\"" + inDays(2, 10) + "\"");
    }

    @Test
    void postsAnUpdateOnTheVersionTheScreenShowedAsThePerson() {
        String id = aWindow(UUID.randomUUID().toString(), "in_progress", 4);
        SERVICES.answer("POST", "/api/v1/maintenances/" + id + "/updates", 201, "{\"id\":\"" + id + "\",\"status\":\"verifying\",\"version\":5}");
        String name = anAccount(Role.ADMIN);
        Browserless admin = browser();
        admin.signIn(name, PASSWORD);
        HttpResponse<String> screen = admin.get("/maintenance/" + id);

        HttpResponse<String> posted = admin.post("/maintenance/" + id + "/updates", Map.of("version", "4", "status", "verifying", "message", "Checking."));

        assertThat(screen.body()).contains("id=\"maintenance-status\">In progress<", "id=\"update-form\"", "id=\"complete-form\"",
                "name=\"version\" value=\"4\"", "Begun.", "by scheduler").doesNotContain("id=\"start-form\"", "id=\"cancel-form\"");
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(SERVICES.received("POST", "/api/v1/maintenances/" + id + "/updates")).singleElement().isEqualTo("POST /api/v1/maintenances/"
                + id + "/updates actor=" + name + " if-match=\"4\" {\"message\":\"Checking.\",\"status\":\"verifying\"}");
    }

    @Test
    void startsCancelsAndCompletesWithTheMessageTyped() {
        String id = aWindow(UUID.randomUUID().toString(), "scheduled", 1);
        for (String action : new String[]{"start", "cancel", "complete"}) {
            SERVICES.answer("POST", "/api/v1/maintenances/" + id + "/" + action, 200, "{\"id\":\"" + id + "\",\"version\":2}");
        }
        String name = anAccount(Role.ADMIN);
        Browserless admin = browser();
        admin.signIn(name, PASSWORD);
        HttpResponse<String> screen = admin.get("/maintenance/" + id);

        for (String action : new String[]{"start", "cancel", "complete"}) {
            assertThat(admin.post("/maintenance/" + id + "/" + action, Map.of("version", "1", "message", "Now " + action)).statusCode()).isEqualTo(302);
        }

        assertThat(screen.body()).contains("id=\"start-form\"", "id=\"cancel-form\"").doesNotContain("id=\"complete-form\"");
        for (String action : new String[]{"start", "cancel", "complete"}) {
            assertThat(SERVICES.received("POST", "/api/v1/maintenances/" + id + "/" + action)).singleElement()
                    .isEqualTo("POST /api/v1/maintenances/" + id + "/" + action + " actor=" + name + " if-match=\"1\" {\"message\":\"Now " + action + "\"}");
        }
    }

    @Test
    void showsWhatChangedSinceTheVersionSeenAndKeepsWhatWasTypedWhenTheWindowChangedFirst() {
        String id = aWindow(UUID.randomUUID().toString(), "in_progress", 2);
        SERVICES.answer("POST", "/api/v1/maintenances/" + id + "/complete", 412, """
                {"type":"urn:sitrep:problem:stale-version","title":"Stale version","status":412,"detail":"The window is at version 2"}""");
        Browserless admin = browser();
        admin.signIn(anAccount(Role.ADMIN), PASSWORD);
        admin.get("/maintenance/" + id);

        HttpResponse<String> conflict = admin.post("/maintenance/" + id + "/complete", Map.of("version", "1", "message", "All done."));

        assertThat(conflict.statusCode()).isEqualTo(200);
        String body = conflict.body();
        assertThat(body).contains("id=\"conflict\"", "You saw version 1; it is now version 2, In progress", "scheduler at 2026-12-02 22:00 UTC: In progress. Begun.",
                ">All done.</textarea>");
        String completeForm = body.substring(body.indexOf("id=\"complete-form\""));
        assertThat(completeForm).contains("name=\"version\" value=\"2\"");
        assertThat(body.substring(body.indexOf("id=\"conflict\""), body.indexOf("</section>", body.indexOf("id=\"conflict\""))))
                .doesNotContain("We upgrade the database.");
    }

    @Test
    void showsTheMessageIncidentServiceRefusesNextToThatFormsMessage() {
        String id = aWindow(UUID.randomUUID().toString(), "scheduled", 1);
        SERVICES.answer("POST", "/api/v1/maintenances/" + id + "/start", 400, """
                {"type":"urn:sitrep:problem:validation-failed","title":"Validation failed","status":400,
                 "errors":[{"field":"message","message":"must not be blank"}]}""");
        Browserless admin = browser();
        admin.signIn(anAccount(Role.ADMIN), PASSWORD);
        admin.get("/maintenance/" + id);

        HttpResponse<String> refused = admin.post("/maintenance/" + id + "/start", Map.of("version", "1", "message", ""));

        assertThat(refused.body()).contains("<span class=\"field-problem\" id=\"start-message-problem\">Message: must not be blank</span>")
                .doesNotContain("id=\"cancel-message-problem\"", "id=\"update-message-problem\"");
    }

    @Test
    void refusesAViewerAndAResponderEveryChangeToMaintenance() {
        String id = aWindow(UUID.randomUUID().toString(), "scheduled", 1);
        for (Role role : new Role[]{Role.VIEWER, Role.RESPONDER}) {
            Browserless person = browser();
            person.signIn(anAccount(role), PASSWORD);
            HttpResponse<String> screen = person.get("/maintenance/" + id);

            assertThat(screen.body()).as(role + " screen").contains("Database upgrade").doesNotContain("id=\"start-form\"", "id=\"update-form\"");
            assertThat(person.get("/maintenance/new").statusCode()).as(role + " form").isEqualTo(403);
            assertThat(person.post("/maintenance", Map.of("title", "x", "message", "x")).statusCode()).as(role + " schedule").isEqualTo(403);
            for (String action : new String[]{"updates", "start", "complete", "cancel"}) {
                assertThat(person.post("/maintenance/" + id + "/" + action, Map.of("version", "1", "message", "x")).statusCode())
                        .as(role + " " + action).isEqualTo(403);
            }
        }
        assertThat(SERVICES.received()).noneMatch(request -> request.startsWith("POST /api/v1/maintenances/" + id));
    }
}
