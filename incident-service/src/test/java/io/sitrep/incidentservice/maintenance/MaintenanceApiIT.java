package io.sitrep.incidentservice.maintenance;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.ComponentStatusChanged;
import io.sitrep.events.MaintenanceCancelled;
import io.sitrep.events.MaintenanceCompleted;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.events.MaintenanceStarted;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.events.MaintenanceUpdated;
import io.sitrep.events.SitrepEvent;
import io.sitrep.incidentservice.EventSchemas;
import io.sitrep.incidentservice.IntegrationTest;
import io.sitrep.testsupport.Api;
import io.sitrep.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The maintenance endpoints on the real clock, through the outbox, to CloudEvents valid against their schemas. */
class MaintenanceApiIT extends IntegrationTest {

    private static final String PATH = "/api/v1/maintenances";

    private Api admin;
    private String database;
    private String dashboard;
    private Instant startsAt;

    @BeforeEach
    void aComponentAndAWindowTomorrow() {
        admin = api.as(ADMIN_KEY);
        database = aComponent("db", "Primary database");
        dashboard = aComponent("dash", "Dashboard");
        startsAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    }

    private String window(String title, Instant from, Instant until, String... components) {
        return """
                {"title":"%s","message":"We will upgrade the primary database.","components":[%s],
                 "scheduledFor":"%s","scheduledUntil":"%s","remindBefore":"PT1H"}"""
                .formatted(title, components.length == 0 ? "" : "\"" + String.join("\",\"", components) + "\"", from, until);
    }

    private String aScheduledWindow(String title, String... components) {
        return admin.post(PATH, window(title, startsAt, startsAt.plus(Duration.ofHours(2)), components)).expect(201).json().get("id").asString();
    }

    @Test
    void schedulingAnswers201WithLocationAndETagAndPublishesMaintenanceScheduledValidAgainstItsSchema() {
        Api.Response response = admin.post(PATH, window("Database upgrade", startsAt, startsAt.plus(Duration.ofHours(2)), database, dashboard))
                .expect(201);

        JsonNode body = response.json();
        String id = body.get("id").asString();
        assertThat(response.header("Location")).isEqualTo(PATH + "/" + id);
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
        assertThat(body.get("status").asString()).isEqualTo("scheduled");
        assertThat(body.get("remindBefore").asString()).isEqualTo("PT1H");
        assertThat(body.get("autoStart").asBoolean()).isTrue();
        assertThat(body.get("components")).hasSize(2);
        assertThat(body.get("components").get(0).get("name").asString()).isEqualTo("Primary database");
        assertThat(body.get("updates")).hasSize(1);
        ConsumerRecord<String, byte[]> record = awaitEvents(id, 1).get(0);
        EventSchemas.assertValid(record);
        assertThat(TopicReader.headers(record)).containsEntry("ce_type", "maintenance.scheduled").containsEntry("ce_subject", id);
        MaintenanceScheduled scheduled = (MaintenanceScheduled) decode(record);
        assertThat(scheduled.version()).isEqualTo(1);
        assertThat(scheduled.maintenance().scheduledFor()).isEqualTo(startsAt);
        assertThat(scheduled.maintenance().remindBefore()).isEqualTo(Duration.ofHours(1));
        assertThat(scheduled.update().message()).isEqualTo("We will upgrade the primary database.");
    }

    @Test
    void aWindowIsReadWithItsETagAndListedByStatusPageByPage() {
        String first = aScheduledWindow("Listed first", database);
        String second = aScheduledWindow("Listed second", database);
        String third = aScheduledWindow("Listed third", database);
        admin.post(PATH + "/" + third + "/cancel", "{\"message\":\"Not needed.\"}").expect(200);

        Api.Response read = api.as(READER_KEY).get(PATH + "/" + first).expect(200);
        List<String> scheduled = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.as(READER_KEY).get(PATH + "?status=scheduled&limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200).json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            page.get("items").forEach(item -> scheduled.add(item.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        JsonNode cancelled = api.as(READER_KEY).get(PATH + "?status=cancelled&limit=100").expect(200).json();

        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.json().get("title").asString()).isEqualTo("Listed first");
        api.as(READER_KEY).send("GET", PATH + "/" + first, null, Map.of("If-None-Match", "\"1\"")).expect(304);
        assertThat(scheduled).contains(first, second).doesNotContain(third).doesNotHaveDuplicates();
        assertThat(scheduled.indexOf(first)).isLessThan(scheduled.indexOf(second));
        assertThat(cancelled.get("items").values().stream().map(i -> i.get("id").asString())).contains(third).doesNotContain(first);
        admin.get(PATH + "/" + UUID.randomUUID()).expectProblem(404, "unknown-maintenance");
    }

    @Test
    void patchReschedulesRenamesAndChangesTheComponentsOfAScheduledWindow() {
        String id = aScheduledWindow("Database upgrade", database);
        Instant later = startsAt.plus(Duration.ofHours(1));

        Api.Response patched = admin.send("PATCH", PATH + "/" + id, """
                {"title":"Database and dashboard upgrade","components":["%s","%s"],
                 "scheduledFor":"%s","scheduledUntil":"%s","message":"Moved one hour later."}"""
                .formatted(database, dashboard, later, later.plus(Duration.ofHours(2))), Map.of("If-Match", "\"1\"")).expect(200);
        Api.Response unchanged = admin.patch(PATH + "/" + id, "{\"title\":\"Database and dashboard upgrade\"}").expect(200);

        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        assertThat(patched.json().get("scheduledFor").asString()).isEqualTo(later.toString());
        assertThat(patched.json().get("components")).hasSize(2);
        assertThat(unchanged.header("ETag")).isEqualTo("\"2\"");
        List<ConsumerRecord<String, byte[]>> records = awaitEvents(id, 2);
        records.forEach(EventSchemas::assertValid);
        MaintenanceUpdated updated = (MaintenanceUpdated) decode(records.get(1));
        assertThat(updated.maintenance().title()).isEqualTo("Database and dashboard upgrade");
        assertThat(updated.maintenance().scheduledFor()).isEqualTo(later);
        assertThat(updated.update().message()).isEqualTo("Moved one hour later.");
        assertThat(topic.recordsSoFar(TopicReader.keyed(id))).hasSize(2);
    }

    @Test
    void aManualStartPutsTheComponentsUnderMaintenanceAndTheCompletionReturnsThem() {
        String id = aScheduledWindow("Started by hand", database, dashboard);

        Api.Response started = admin.post(PATH + "/" + id + "/start", null).expect(200);
        JsonNode during = admin.get("/api/v1/components/" + database).expect(200).json();
        admin.post(PATH + "/" + id + "/updates", "{\"message\":\"Checking the replicas.\",\"status\":\"verifying\"}").expect(201);
        admin.post(PATH + "/" + id + "/updates", "{\"message\":\"One more step.\",\"status\":\"in_progress\"}").expect(201);
        Api.Response completed = admin.post(PATH + "/" + id + "/complete", "{\"message\":\"Done early.\"}").expect(200);

        assertThat(started.json().get("status").asString()).isEqualTo("in_progress");
        assertThat(during.get("status").asString()).isEqualTo("under_maintenance");
        assertThat(completed.json().get("status").asString()).isEqualTo("completed");
        assertThat(completed.json().get("updates")).hasSize(5);
        assertThat(admin.get("/api/v1/components/" + database).json().get("status").asString()).isEqualTo("operational");
        List<ConsumerRecord<String, byte[]>> records = awaitEvents(id, 5);
        records.forEach(EventSchemas::assertValid);
        List<SitrepEvent> events = records.stream().map(this::decode).toList();
        assertThat(events).extracting(SitrepEvent::version).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(events).extracting(e -> e.type().wireName()).containsExactly("maintenance.scheduled", "maintenance.started",
                "maintenance.updated", "maintenance.updated", "maintenance.completed");
        assertThat(((MaintenanceStarted) events.get(1)).automatic()).isFalse();
        assertThat(((MaintenanceUpdated) events.get(2)).maintenance().status()).isEqualTo(MaintenanceStatus.VERIFYING);
        assertThat(((MaintenanceCompleted) events.get(4)).automatic()).isFalse();
        List<ComponentStatusChanged> changes = awaitEvents(database, 3).stream().map(this::decode).skip(1)
                .map(ComponentStatusChanged.class::cast).toList();
        changes.forEach(c -> assertThat(c.incidentId()).isNull());
        assertThat(changes).extracting(ComponentStatusChanged::status)
                .containsExactly(ComponentStatus.UNDER_MAINTENANCE, ComponentStatus.OPERATIONAL);
    }

    @Test
    void anIncidentThatChangesAComponentDuringTheWindowWinsOverTheReturnFromMaintenance() {
        String id = aScheduledWindow("Overlapped by an incident", database, dashboard);
        String heldBefore = admin.post("/api/v1/incidents", """
                {"title":"Dashboard slow","message":"Looking into it.","components":[{"id":"%s","status":"degraded_performance"}]}"""
                .formatted(dashboard)).expect(201).json().get("id").asString();
        admin.post(PATH + "/" + id + "/start", null).expect(200);
        String during = admin.post("/api/v1/incidents", """
                {"title":"Database down","message":"Failover failed.","components":[{"id":"%s","status":"major_outage"}]}"""
                .formatted(database)).expect(201).json().get("id").asString();

        admin.post(PATH + "/" + id + "/complete", null).expect(200);

        // The incidents hold both components: one set before the window started, one during it.
        assertThat(admin.get("/api/v1/components/" + dashboard).json().get("status").asString()).isEqualTo("degraded_performance");
        assertThat(admin.get("/api/v1/components/" + database).json().get("status").asString()).isEqualTo("major_outage");
        admin.post("/api/v1/incidents/" + during + "/resolve", "{\"message\":\"Recovered.\"}").expect(200);
        admin.post("/api/v1/incidents/" + heldBefore + "/resolve", "{\"message\":\"Recovered.\"}").expect(200);
        assertThat(admin.get("/api/v1/components/" + database).json().get("status").asString()).isEqualTo("operational");
        assertThat(admin.get("/api/v1/components/" + dashboard).json().get("status").asString()).isEqualTo("operational");
    }

    @Test
    void anIncidentResolvedDuringTheWindowReturnsItsComponentToUnderMaintenance() {
        String id = aScheduledWindow("Outlived by an incident", database);
        admin.post(PATH + "/" + id + "/start", null).expect(200);
        String incident = admin.post("/api/v1/incidents", """
                {"title":"Replication lag","message":"Replicas behind.","components":[{"id":"%s","status":"partial_outage"}]}"""
                .formatted(database)).expect(201).json().get("id").asString();

        admin.post("/api/v1/incidents/" + incident + "/resolve", "{\"message\":\"Caught up.\"}").expect(200);
        String afterIncident = admin.get("/api/v1/components/" + database).json().get("status").asString();
        admin.post(PATH + "/" + id + "/complete", null).expect(200);

        assertThat(afterIncident).isEqualTo("under_maintenance");
        assertThat(admin.get("/api/v1/components/" + database).json().get("status").asString()).isEqualTo("operational");
    }

    @Test
    void aComponentStaysUnderMaintenanceWhileAnotherWindowStillCoversIt() {
        String first = aScheduledWindow("First of two", database);
        String second = aScheduledWindow("Second of two", database);
        admin.post(PATH + "/" + first + "/start", null).expect(200);
        admin.post(PATH + "/" + second + "/start", null).expect(200);

        admin.post(PATH + "/" + first + "/complete", null).expect(200);
        String whileSecondRuns = admin.get("/api/v1/components/" + database).json().get("status").asString();
        admin.post(PATH + "/" + second + "/complete", null).expect(200);

        assertThat(whileSecondRuns).isEqualTo("under_maintenance");
        assertThat(admin.get("/api/v1/components/" + database).json().get("status").asString()).isEqualTo("operational");
    }

    @Test
    void cancellingAScheduledWindowPublishesMaintenanceCancelled() {
        String id = aScheduledWindow("Cancelled", database);

        Api.Response cancelled = admin.post(PATH + "/" + id + "/cancel", null).expect(200);

        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("cancelledAt").isNull()).isFalse();
        ConsumerRecord<String, byte[]> record = awaitEvents(id, 2).get(1);
        EventSchemas.assertValid(record);
        assertThat(decode(record)).isInstanceOfSatisfying(MaintenanceCancelled.class,
                c -> assertThat(c.update().message()).isEqualTo("The maintenance has been cancelled."));
        assertThat(admin.get("/api/v1/components/" + database).json().get("status").asString()).isEqualTo("operational");
    }

    @Test
    void aBadWindowIsA400NamingTheField() {
        Instant now = Instant.now();

        assertField(admin.post(PATH, window("Backwards", startsAt, startsAt, database)), "scheduledUntil");
        assertField(admin.post(PATH, window("Past", now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(1)), database)), "scheduledFor");
        assertField(admin.post(PATH, window("Too long", startsAt, startsAt.plus(Duration.ofDays(15)), database)), "scheduledUntil");
        assertField(admin.post(PATH, window("x".repeat(201), startsAt, startsAt.plus(Duration.ofHours(1)), database)), "title");
        assertField(admin.post(PATH, window("Many", startsAt, startsAt.plus(Duration.ofHours(1)),
                java.util.stream.IntStream.range(0, 51).mapToObj(i -> "c" + i).toArray(String[]::new))), "components");
        assertField(admin.post(PATH, window("Twice", startsAt, startsAt.plus(Duration.ofHours(1)), database, database)), "components[1]");
        assertField(admin.post(PATH, window("Bad id", startsAt, startsAt.plus(Duration.ofHours(1)), "Not An Id")), "components[0]");
        assertField(admin.post(PATH, """
                {"title":"Negative","message":"m","scheduledFor":"%s","scheduledUntil":"%s","remindBefore":"-PT1H"}"""
                .formatted(startsAt, startsAt.plus(Duration.ofHours(1)))), "remindBefore");
        assertField(admin.post(PATH, "{\"title\":\"No window\",\"message\":\"m\"}"), "scheduledFor");
        assertField(admin.get(PATH + "?status=upcoming"), "status");
        assertField(admin.get(PATH + "?limit=0"), "limit");
        assertField(admin.get(PATH + "?cursor=nonsense"), "cursor");
        admin.post(PATH, window("Unknown component", startsAt, startsAt.plus(Duration.ofHours(1)), freshComponentId("ghost")))
                .expectProblem(404, "unknown-component");
    }

    @Test
    void anIllegalTransitionIsA409NamingTheRule() {
        String scheduled = aScheduledWindow("Not started", database);
        String started = aScheduledWindow("Started", database);
        admin.post(PATH + "/" + started + "/start", null).expect(200);
        String completed = aScheduledWindow("Completed", database);
        admin.post(PATH + "/" + completed + "/start", null).expect(200);
        admin.post(PATH + "/" + completed + "/complete", null).expect(200);

        admin.post(PATH + "/" + scheduled + "/complete", null).expectProblem(409, "maintenance-not-started");
        admin.post(PATH + "/" + scheduled + "/updates", "{\"message\":\"m\",\"status\":\"verifying\"}").expectProblem(409, "maintenance-not-started");
        admin.post(PATH + "/" + scheduled + "/updates", "{\"message\":\"m\",\"status\":\"in_progress\"}")
                .expectProblem(409, "maintenance-status-needs-command");
        admin.post(PATH + "/" + started + "/start", null).expectProblem(409, "maintenance-already-started");
        admin.post(PATH + "/" + started + "/cancel", null).expectProblem(409, "maintenance-already-started");
        admin.patch(PATH + "/" + started, "{\"title\":\"Renamed\"}").expectProblem(409, "maintenance-not-scheduled");
        admin.post(PATH + "/" + completed + "/updates", "{\"message\":\"More.\"}").expectProblem(409, "maintenance-finished");
        admin.post(PATH + "/" + completed + "/complete", null).expectProblem(409, "maintenance-finished");
        assertThat(admin.get(PATH + "/" + scheduled).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        String id = aScheduledWindow("Contended", database);
        admin.post(PATH + "/" + id + "/updates", "{\"message\":\"Still planned.\"}").expect(201);

        JsonNode problem = admin.send("POST", PATH + "/" + id + "/cancel", "{}", Map.of("If-Match", "\"1\"")).expectProblem(412, "stale-version");

        assertThat(problem.get("detail").asString()).contains("If-Match: \"2\"");
        assertThat(admin.get(PATH + "/" + id).json().get("status").asString()).isEqualTo("scheduled");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReplaysTheFirstResponseAndSchedulesOnce() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String body = window("Retried", startsAt, startsAt.plus(Duration.ofHours(1)), database);

        Api.Response first = admin.send("POST", PATH, body, key).expect(201);
        Api.Response retry = admin.send("POST", PATH, body, key).expect(201);

        String id = first.json().get("id").asString();
        assertThat(retry.json().get("id").asString()).isEqualTo(id);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(jdbc.sql("SELECT count(*) FROM maintenances WHERE title = 'Retried' AND id = ?::uuid").param(id).query(Long.class).single())
                .isEqualTo(1);
        awaitEvents(id, 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> topic.recordsSoFar(TopicReader.keyed(id)).size() == 1);
    }

    @Test
    void aKeyWithoutTheMaintenanceScopeMayReadButNotSchedule() {
        String id = aScheduledWindow("Scoped", database);

        api.post(PATH, window("By a writer", startsAt, startsAt.plus(Duration.ofHours(1)), database)).expectProblem(403, "insufficient-scope");
        api.post(PATH + "/" + id + "/cancel", null).expectProblem(403, "insufficient-scope");

        assertThat(api.as(READER_KEY).get(PATH + "/" + id).expect(200).json().get("status").asString()).isEqualTo("scheduled");
    }

    private static void assertField(Api.Response response, String field) {
        JsonNode problem = response.expectProblem(400, "validation-failed");
        assertThat(problem.get("errors").values().stream().map(e -> e.get("field").asString()))
                .as(response.body()).anyMatch(name -> name.equals(field) || name.startsWith(field + "."));
    }
}
