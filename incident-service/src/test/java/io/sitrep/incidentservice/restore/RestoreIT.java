package io.sitrep.incidentservice.restore;

import io.sitrep.events.SitrepEvent;
import io.sitrep.incidentservice.IncidentServiceApplication;
import io.sitrep.incidentservice.IntegrationTest;
import io.sitrep.testsupport.Api;
import io.sitrep.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 20: the write side restores its own tables from the event log. */
class RestoreIT extends IntegrationTest {

    @Autowired
    private RestoreGate gate;

    @Autowired
    private LostRowsCheck lostRows;

    @Autowired
    private Environment environment;

    private Api admin() {
        return api.as(ADMIN_KEY);
    }

    @AfterEach
    void openTheGate() {
        gate.open();
    }

    @Test
    void aDryRunReportsWhatTheTablesLackAndChangesNothing() {
        String id = anOpenIncident("Dry run");
        api.post("/api/v1/incidents/" + id + "/updates", "{\"message\":\"Still looking.\"}").expect(201);
        awaitPublished();
        forget(id);
        Map<String, Long> before = tableCounts();

        JsonNode report = admin().post("/api/v1/admin/restore", "").expect(200).json();

        assertThat(report.get("applied").asBoolean()).isFalse();
        assertThat(table(report, "incidents").get("missing").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(table(report, "incident_updates").get("missing").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(table(report, "incidents").get("restored").asLong()).isZero();
        JsonNode mine = incident(report, id);
        assertThat(mine.get("logVersion").asLong()).isEqualTo(2);
        assertThat(mine.get("tableVersion").isNull()).isTrue();
        assertThat(mine.get("state").asString()).isEqualTo("missing");
        assertThat(report.get("pendingEvents").asInt()).isZero();
        assertThat(tableCounts()).isEqualTo(before);
        api.get("/api/v1/incidents/" + id).expect(404);
        admin().post("/api/v1/admin/restore?dryRun=false", "").expect(200);
    }

    @Test
    void restoresEveryIncidentAfterTheIncidentsTableWasEmptied() {
        String component = aComponent("restored", "Restored API");
        String first = api.post("/api/v1/incidents", """
                {"title":"Checkout errors","message":"Looking.","components":[{"id":"%s","status":"major_outage"}]}"""
                .formatted(component)).expect(201).json().get("id").asString();
        api.post("/api/v1/incidents/" + first + "/updates", "{\"message\":\"Found it.\"}").expect(201);
        String updateId = api.get("/api/v1/incidents/" + first).json().get("updates").get(0).get("id").asString();
        api.patch("/api/v1/incidents/" + first + "/updates/" + updateId, "{\"message\":\"Looking into checkout.\"}").expect(200);
        api.post("/api/v1/incidents/" + first + "/resolve", "{\"message\":\"Fixed.\"}").expect(200);
        api.put("/api/v1/incidents/" + first + "/postmortem", "{\"body\":\"A bad deploy.\"}").expect(200);
        String deleted = anOpenIncident("Opened by mistake");
        admin().send("DELETE", "/api/v1/incidents/" + deleted, "{\"reason\":\"Mistake\"}", Map.of()).expect(204);
        String third = anOpenIncident("Slow dashboard");
        Instant startsAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        String window = admin().post("/api/v1/maintenances", """
                {"title":"Upgrade","message":"We will upgrade.","components":["%s"],"scheduledFor":"%s","scheduledUntil":"%s"}"""
                .formatted(component, startsAt, startsAt.plus(Duration.ofHours(1)))).expect(201).json().get("id").asString();
        awaitPublished();
        Map<String, Long> versions = incidentVersions();
        Map<String, Long> counts = tableCounts();
        long outboxRowsWritten = outboxRowsWritten();
        JsonNode firstBefore = api.get("/api/v1/incidents/" + first).expect(200).json();
        JsonNode revisionsBefore = api.get("/api/v1/incidents/" + first + "/updates/" + updateId + "/revisions").expect(200).json();
        int firstRecords = topic.awaitRecords(TopicReader.keyed(first), 5, KAFKA_TIMEOUT).size();

        // As the cleanup script did: every incidents row, and what references it.
        jdbc.sql("TRUNCATE incidents, maintenances CASCADE").update();
        lostRows.check();

        JsonNode health = admin().get("/actuator/health").expect(503).json().get("components").get("lostRows");
        assertThat(health.get("status").asString()).isEqualTo("DOWN");
        assertThat(health.get("details").get("reason").asString()).contains("incidents");
        assertThat(health.get("details").get("missing").get("incidents").asLong()).isGreaterThanOrEqualTo(3);

        JsonNode report = admin().post("/api/v1/admin/restore?dryRun=false", "").expect(200).json();

        assertThat(report.get("applied").asBoolean()).isTrue();
        // The broker is shared by the tests' contexts, so the log may hold more than this database ever had.
        assertThat(table(report, "incidents").get("restored").asLong()).isGreaterThanOrEqualTo(versions.size());
        assertThat(incidentVersions()).containsAllEntriesOf(versions);
        Map<String, Long> restoredCounts = tableCounts();
        counts.forEach((table, n) -> assertThat(restoredCounts.get(table)).as(table).isGreaterThanOrEqualTo(n));
        assertThat(outboxRowsWritten()).isEqualTo(outboxRowsWritten);
        JsonNode firstAfter = api.get("/api/v1/incidents/" + first).expect(200).json();
        assertThat(firstAfter).isEqualTo(firstBefore);
        assertThat(api.get("/api/v1/incidents/" + first + "/updates/" + updateId + "/revisions").expect(200).json())
                .isEqualTo(revisionsBefore);
        api.get("/api/v1/incidents/" + deleted).expect(404);
        api.post("/api/v1/incidents/" + deleted + "/updates", "{\"message\":\"x\"}").expectProblem(409, "incident-deleted");
        assertThat(api.get("/api/v1/maintenances/" + window).expect(200).json().get("version").asLong()).isEqualTo(1);
        lostRows.check();
        assertThat(admin().get("/actuator/health").expect(200).json().get("components").get("lostRows").get("status").asString())
                .isEqualTo("UP");

        long thirdVersion = versions.get(third);
        JsonNode next = api.post("/api/v1/incidents/" + third + "/updates", "{\"message\":\"Better now.\"}").expect(201).json();

        assertThat(next.get("version").asLong()).isEqualTo(thirdVersion + 1);
        List<Long> thirdVersions = topic.awaitRecords(TopicReader.keyed(third), (int) thirdVersion + 1, KAFKA_TIMEOUT).stream()
                .map(this::decode).map(SitrepEvent::version).toList();
        assertThat(thirdVersions).containsExactly(1L, 2L);
        awaitPublished();
        assertThat(topic.recordsSoFar(TopicReader.keyed(first))).hasSize(firstRecords);
        assertThat(outboxRowsWritten()).isEqualTo(outboxRowsWritten + 1);
    }

    @Test
    void bringsAnIncidentTheTableHoldsAtAnOlderVersionForward() {
        String id = anOpenIncident("Restored from an old snapshot");
        api.post("/api/v1/incidents/" + id + "/updates", "{\"message\":\"Second.\"}").expect(201);
        JsonNode written = api.post("/api/v1/incidents/" + id + "/updates", "{\"message\":\"Third.\"}").expect(201).json();
        awaitPublished();
        // As a database snapshot taken before the third update would hold it.
        UUID uuid = UUID.fromString(id);
        jdbc.sql("DELETE FROM incident_updates WHERE incident_id = ? AND version = 3").param(uuid).update();
        jdbc.sql("UPDATE incidents SET version = 2 WHERE id = ?").param(uuid).update();

        JsonNode dryRun = incident(admin().post("/api/v1/admin/restore", "").expect(200).json(), id);
        admin().post("/api/v1/admin/restore?dryRun=false", "").expect(200);

        assertThat(dryRun.get("state").asString()).isEqualTo("behind");
        assertThat(dryRun.get("tableVersion").asLong()).isEqualTo(2);
        assertThat(api.get("/api/v1/incidents/" + id).expect(200).json()).isEqualTo(written);
        assertThat(api.post("/api/v1/incidents/" + id + "/updates", "{\"message\":\"Fourth.\"}").expect(201).json()
                .get("version").asLong()).isEqualTo(4);
    }

    @Test
    void refusesWritesAndMarksReadsWhileRestoring() {
        String id = anOpenIncident("During a restore");
        gate.close(Instant.now());

        Api.Response refused = api.post("/api/v1/incidents/" + id + "/updates", "{\"message\":\"Now?\"}");
        Api.Response read = api.get("/api/v1/incidents/" + id);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:sitrep:problem:restoring");
        assertThat(refused.json().get("title").asString()).isEqualTo("The state is being restored");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Sitrep-State")).isEqualTo("restoring");
        admin().post("/api/v1/admin/restore?dryRun=false", "").expectProblem(409, "restore-in-progress");
        gate.open();
        assertThat(api.post("/api/v1/incidents/" + id + "/updates", "{\"message\":\"Now.\"}").expect(201).json().get("version").asLong())
                .isEqualTo(2);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theCommandLineModePrintsTheReportAndEnds(CapturedOutput output) {
        String id = anOpenIncident("Reported on the command line");
        awaitPublished();
        List<String> arguments = new ArrayList<>();
        for (String name : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.kafka.bootstrap-servers")) {
            arguments.add("--" + name + "=" + environment.getProperty(name));
        }
        arguments.addAll(List.of("--server.port=0", "--sitrep.outbox.enabled=false", "--sitrep.restore.check-enabled=false",
                "--sitrep.restore.mode=dry-run"));

        RestoreCommandLine commandLine;
        try (ConfigurableApplicationContext cli = new SpringApplicationBuilder(IncidentServiceApplication.class)
                .run(arguments.toArray(String[]::new))) {
            commandLine = cli.getBean(RestoreCommandLine.class);
        }

        assertThat(commandLine.ran()).isTrue();
        assertThat(commandLine.getExitCode()).isZero();
        assertThat(output.getOut()).containsPattern("\"applied\"\\s*:\\s*false").contains("\"tables\"").contains(id);
    }

    private void awaitPublished() {
        await().atMost(KAFKA_TIMEOUT).until(() -> count("outbox") == 0);
    }

    /** Removes one incident's rows, as a lost table would. */
    private void forget(String id) {
        UUID uuid = UUID.fromString(id);
        jdbc.sql("DELETE FROM incident_update_revisions WHERE update_id IN (SELECT id FROM incident_updates WHERE incident_id = ?)")
                .param(uuid).update();
        jdbc.sql("DELETE FROM incident_updates WHERE incident_id = ?").param(uuid).update();
        jdbc.sql("DELETE FROM incident_components WHERE incident_id = ?").param(uuid).update();
        jdbc.sql("DELETE FROM integration_links WHERE incident_id = ?").param(uuid).update();
        jdbc.sql("DELETE FROM incidents WHERE id = ?").param(uuid).update();
    }

    /** How many rows the outbox has ever taken: its identity's last value. */
    private long outboxRowsWritten() {
        return jdbc.sql("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM outbox_id_seq").query(Long.class).single();
    }

    private Map<String, Long> incidentVersions() {
        Map<String, Long> versions = new HashMap<>();
        jdbc.sql("SELECT id::text AS id, version FROM incidents").query(rs -> {
            versions.put(rs.getString("id"), rs.getLong("version"));
        });
        return versions;
    }

    private Map<String, Long> tableCounts() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of("incidents", "incident_components", "incident_updates", "incident_update_revisions", "components",
                "maintenances", "maintenance_components", "maintenance_updates", "outbox")) {
            counts.put(table, count(table));
        }
        return counts;
    }

    private static JsonNode table(JsonNode report, String name) {
        for (JsonNode table : report.get("tables")) {
            if (table.get("table").asString().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("the report has no table " + name + ": " + report);
    }

    private static JsonNode incident(JsonNode report, String id) {
        for (JsonNode incident : report.get("incidents")) {
            if (incident.get("id").asString().equals(id)) {
                return incident;
            }
        }
        throw new AssertionError("the report has no incident " + id);
    }
}
