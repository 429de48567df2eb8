package io.sitrep.timeline.ingest;

import io.sitrep.events.ComponentEvent;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.EventType;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.MaintenanceReminder;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.events.MaintenanceUpdated;
import io.sitrep.events.wire.CloudEventHeaders;
import io.sitrep.events.wire.GoldenSamples;
import io.sitrep.testsupport.TopicReader;
import io.sitrep.timeline.ComponentStory;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import io.sitrep.timeline.MaintenanceStory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** At least once in, effectively once applied: duplicates, replays, gaps, poison records and database trouble. */
class ConsumptionIT extends IntegrationTest {

    /** The window of the maintenance golden samples, and the one of the cancelled sample. */
    private static final String SAMPLE_MAINTENANCE = "4b1f7e93-2c6d-4a58-9e0b-d3a7c5f18e26";
    private static final String CANCELLED_MAINTENANCE = "c2e8a4d1-7b3f-4e69-a05c-9f1d6b2e7a84";

    @Test
    void duplicatesAndReplaysChangeNothing() {
        IncidentStory story = IncidentStory.of("Delivered twice");
        IncidentOpened opened = story.open(Impact.MINOR, "Investigating.");
        IncidentUpdated identified = story.update(IncidentStatus.IDENTIFIED, Impact.MINOR, "Found it.");
        events.publish(opened, identified);
        awaitIncidentVersion(story.id(), 2);
        Map<String, List<Map<String, Object>>> before = rowsOf(story.id());
        double skippedBefore = eventsCounted("skipped");

        events.publish(identified, opened, identified, opened);
        IncidentUpdated monitoring = story.update(IncidentStatus.MONITORING, Impact.MINOR, "Watching.");
        events.publish(monitoring);
        awaitIncidentVersion(story.id(), 3);

        Map<String, List<Map<String, Object>>> after = rowsOf(story.id());
        after.get("timeline_entries").removeIf(row -> ((Number) row.get("version")).longValue() == 3);
        after.get("incident_versions").removeIf(row -> ((Number) row.get("version")).longValue() == 3);
        assertThat(after.get("timeline_entries")).isEqualTo(before.get("timeline_entries"));
        assertThat(after.get("incident_versions")).isEqualTo(before.get("incident_versions"));
        assertThat(api.get("/api/v1/incidents/" + story.id()).expect(200).json().get("timeline").size()).isEqualTo(3);
        assertThat(eventsCounted("skipped") - skippedBefore).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM version_gaps WHERE aggregate_id = ?", story.id().toString())).isZero();
    }

    @Test
    void aVersionGapIsRecordedCountedShownInHealthAndTheSnapshotApplied() {
        IncidentStory story = IncidentStory.of("Gapped");
        IncidentOpened opened = story.open(Impact.MINOR, "Investigating.");
        story.update(IncidentStatus.IDENTIFIED, Impact.MAJOR, "Lost on the way.");
        IncidentUpdated third = story.update(IncidentStatus.MONITORING, Impact.MAJOR, "Watching.");
        double gapsBefore = eventsCounted("gap");

        events.publish(opened, third);

        JsonNode incident = awaitIncidentVersion(story.id(), 3);
        assertThat(incident.get("status").asString()).isEqualTo("monitoring");
        assertThat(incident.get("timeline").valueStream().map(e -> e.get("version").asLong())).containsExactly(1L, 3L);
        assertThat(count("SELECT count(*) FROM version_gaps WHERE aggregate_id = ? AND expected_version = 2 AND received_version = 3",
                story.id().toString())).isEqualTo(1);
        assertThat(eventsCounted("gap") - gapsBefore).isEqualTo(1);
        JsonNode health = api.as(ADMIN_KEY).get("/actuator/health").expect(200).json().get("components").get("readModels");
        assertThat(health.get("details").get("gaps").asLong()).isPositive();
        assertThat(health.get("details").get("recentGaps").valueStream().map(g -> g.get("aggregateId").asString()))
                .contains(story.id().toString());
        assertThat(api.get("/actuator/prometheus").expect(200).body()).contains("sitrep_timeline_gaps");
    }

    @Test
    void aComponentVersionGapIsRecordedToo() {
        ComponentStory component = ComponentStory.fresh("gappy");
        var defined = component.define("Gappy", null, Instant.now().minusSeconds(60));
        component.status(ComponentStatus.DEGRADED_PERFORMANCE, null, Instant.now().minusSeconds(30));
        var third = component.status(ComponentStatus.OPERATIONAL, null, Instant.now().minusSeconds(10));

        events.publish(defined, third);

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(count(
                "SELECT count(*) FROM version_gaps WHERE aggregate_type = 'component' AND aggregate_id = ?", component.id())).isEqualTo(1));
        assertThat(api.get("/api/v1/components/" + component.id()).expect(200).json().get("status").asString()).isEqualTo("operational");
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndLaterEventsStillApply() {
        IncidentStory story = IncidentStory.of("After the poison");
        String key = story.id().toString();
        Map<String, String> unknownType = headers("incident.exploded", key);
        Map<String, String> malformed = headers("incident.updated", key);
        Map<String, String> noType = new LinkedHashMap<>(headers("incident.updated", key));
        noType.remove(CloudEventHeaders.TYPE);

        try (TopicReader deadLetters = TopicReader.of(DEAD_LETTER_TOPIC)) {
            events.send(key, unknownType, "{\"what\":\"ever\"}".getBytes(StandardCharsets.UTF_8));
            events.send(key, malformed, "{not json".getBytes(StandardCharsets.UTF_8));
            events.send(key, noType, "{}".getBytes(StandardCharsets.UTF_8));
            events.publish(story.open(Impact.MINOR, "Still here."));

            awaitIncidentVersion(story.id(), 1);
            List<ConsumerRecord<String, byte[]>> letters = deadLetters.awaitRecords(TopicReader.keyed(key), 3, TIMEOUT);
            Map<String, String> first = TopicReader.headers(letters.get(0));
            assertThat(first.get("sitrep_dlt_error")).isEqualTo("unknown-event-type");
            assertThat(first.get("sitrep_dlt_reason")).contains("incident.exploded");
            assertThat(first.get("sitrep_dlt_original_topic")).isEqualTo(TOPIC);
            assertThat(first.get("sitrep_dlt_original_partition")).isNotBlank();
            assertThat(Long.parseLong(first.get("sitrep_dlt_original_offset"))).isNotNegative();
            assertThat(first.get("sitrep_dlt_consumer_group")).startsWith("timeline-it-");
            assertThat(first.get(CloudEventHeaders.TYPE)).isEqualTo("incident.exploded");
            assertThat(new String(letters.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"what\":\"ever\"}");
            Map<String, String> second = TopicReader.headers(letters.get(1));
            assertThat(second.get("sitrep_dlt_error")).isEqualTo("malformed-event");
            assertThat(Long.parseLong(second.get("sitrep_dlt_original_offset")))
                    .isEqualTo(Long.parseLong(first.get("sitrep_dlt_original_offset")) + 1);
            assertThat(TopicReader.headers(letters.get(2)).get("sitrep_dlt_reason")).contains("no event type");
        }
        assertThat(eventsCounted("dead_lettered")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aPoisonRecordBetweenEventsIsDeadLetteredAndTheEventsAroundItAreAppliedExactlyOnce() {
        // issue 17: the error handler is told the record at fault; those before it stay committed, those after it are polled again.
        IncidentStory story = IncidentStory.of("Around the poison");
        String key = story.id().toString();
        IncidentOpened opened = story.open(Impact.MINOR, "Investigating.");
        IncidentUpdated identified = story.update(IncidentStatus.IDENTIFIED, Impact.MINOR, "Found it.");
        IncidentUpdated monitoring = story.update(IncidentStatus.MONITORING, Impact.MINOR, "Watching.");
        double appliedBefore = eventsCounted("applied");
        double skippedBefore = eventsCounted("skipped");

        try (TopicReader deadLetters = TopicReader.of(DEAD_LETTER_TOPIC)) {
            events.publish(opened, identified);
            events.send(key, headers("incident.updated", key), "{not json".getBytes(StandardCharsets.UTF_8));
            events.publish(monitoring);

            JsonNode incident = awaitIncidentVersion(story.id(), 3);
            assertThat(incident.get("timeline").size()).isEqualTo(3);
            List<ConsumerRecord<String, byte[]>> letters = deadLetters.awaitRecords(TopicReader.keyed(key), 1, TIMEOUT);
            assertThat(TopicReader.headers(letters.get(0)).get("sitrep_dlt_error")).isEqualTo("malformed-event");
        }
        // Applying an event again would count it as skipped (by its version).
        assertThat(eventsCounted("skipped") - skippedBefore).isZero();
        assertThat(eventsCounted("applied") - appliedBefore).isEqualTo(3);
    }

    @Test
    void anEventIsRedeliveredUntilTheDatabaseTakesIt() {
        IncidentStory story = IncidentStory.of("Database away");
        jdbc.sql("ALTER TABLE timeline_entries RENAME TO timeline_entries_away").update();
        try {
            events.publish(story.open(Impact.MAJOR, "Investigating."));

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> api.get("/api/v1/incidents/" + story.id()).status() != 200);
        } finally {
            jdbc.sql("ALTER TABLE timeline_entries_away RENAME TO timeline_entries").update();
        }

        JsonNode incident = awaitIncidentVersion(story.id(), 1);
        assertThat(incident.get("timeline").size()).isEqualTo(1);
    }

    /** The contract from the consuming side: every golden sample decodes and is applied, none is dead-lettered. */
    @Test
    void everyGoldenSampleIsApplied() {
        double deadBefore = eventsCounted("dead_lettered");
        for (EventType type : EventType.values()) {
            if (!IncidentEvent.class.isAssignableFrom(type.recordType()) && !ComponentEvent.class.isAssignableFrom(type.recordType())
                    && !MaintenanceEvent.class.isAssignableFrom(type.recordType())) {
                continue;
            }
            String key = type.name().startsWith("COMPONENT") ? "api"
                    : type == EventType.MAINTENANCE_CANCELLED ? CANCELLED_MAINTENANCE
                    : type.name().startsWith("MAINTENANCE") ? SAMPLE_MAINTENANCE : "7c9e2b14-5a3f-4d8e-b6c1-0f2a9d4e8b37";
            Map<String, String> headers = headers(type.wireName(), key);
            events.send(key, headers, GoldenSamples.sample(type));
        }

        JsonNode incident = awaitIncidentVersion(UUID.fromString("7c9e2b14-5a3f-4d8e-b6c1-0f2a9d4e8b37"), 7);
        assertThat(incident.get("postmortem").get("body").asString()).contains("eu-west");
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(api.get("/api/v1/components/api").expect(200).json().get("group").asString()).isEqualTo("EU West"));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(count("SELECT count(*) FROM maintenances WHERE id = CAST(? AS uuid) AND version = 6 AND status = 'completed'",
                    SAMPLE_MAINTENANCE)).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM maintenances WHERE id = CAST(? AS uuid) AND status = 'cancelled'", CANCELLED_MAINTENANCE))
                    .isEqualTo(1);
        });
        // scheduled, updated (with a message), started and completed post updates; the reminder posts none.
        assertThat(jdbc.sql("SELECT version FROM maintenance_updates WHERE maintenance_id = CAST(? AS uuid) ORDER BY version")
                .param(SAMPLE_MAINTENANCE).query(Long.class).list()).containsExactly(1L, 2L, 4L, 6L);
        assertThat(count("SELECT count(*) FROM maintenance_versions WHERE maintenance_id = CAST(? AS uuid)", SAMPLE_MAINTENANCE)).isEqualTo(5);
        assertThat(eventsCounted("dead_lettered")).isEqualTo(deadBefore);
    }

    @Test
    void maintenanceEventsAreIdempotentByVersionAndTheirGapsRecorded() {
        Instant now = Instant.now();
        MaintenanceStory story = MaintenanceStory.of("Idempotent window", now.minus(Duration.ofHours(2)), now.plus(Duration.ofDays(1)),
                Duration.ofHours(2), MaintenanceStory.component("api", "Public API"));
        MaintenanceScheduled scheduled = story.schedule("We will upgrade the database.");
        story.update(MaintenanceStatus.SCHEDULED, "Lost on the way.");
        MaintenanceReminder reminder = story.remind();
        MaintenanceUpdated moved = story.reschedule(now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)));
        double skippedBefore = eventsCounted("skipped");

        events.publish(scheduled, scheduled, reminder, scheduled, reminder, moved);

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                count("SELECT count(*) FROM maintenances WHERE id = ? AND version = 4", story.id())).isEqualTo(1));
        assertThat(count("SELECT count(*) FROM version_gaps WHERE aggregate_type = 'maintenance' AND aggregate_id = ?"
                + " AND expected_version = 2 AND received_version = 3", story.id().toString())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT version FROM maintenance_versions WHERE maintenance_id = ? ORDER BY version").param(story.id())
                .query(Long.class).list()).containsExactly(1L, 3L, 4L);
        assertThat(jdbc.sql("SELECT version FROM maintenance_updates WHERE maintenance_id = ? ORDER BY version").param(story.id())
                .query(Long.class).list()).containsExactly(1L);
        assertThat(jdbc.sql("SELECT scheduled_for FROM maintenances WHERE id = ?").param(story.id()).query(java.time.OffsetDateTime.class)
                .single().toInstant()).isEqualTo(story.scheduledFor());
        assertThat(eventsCounted("skipped") - skippedBefore).isEqualTo(3);
    }

    private Map<String, List<Map<String, Object>>> rowsOf(UUID incidentId) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String table : List.of("timeline_entries", "incident_versions")) {
            rows.put(table, new java.util.ArrayList<>(jdbc.sql("SELECT * FROM " + table + " WHERE incident_id = ? ORDER BY version")
                    .param(incidentId).query().listOfRows()));
        }
        return rows;
    }

    private static Map<String, String> headers(String type, String subject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, "1.0");
        headers.put(CloudEventHeaders.ID, UUID.randomUUID().toString());
        headers.put(CloudEventHeaders.TYPE, type);
        headers.put(CloudEventHeaders.SOURCE, "/sitrep/test");
        headers.put(CloudEventHeaders.SUBJECT, subject);
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    private double eventsCounted(String outcome) {
        String metrics = api.get("/actuator/prometheus").expect(200).body();
        return metrics.lines()
                .filter(line -> line.startsWith("sitrep_timeline_events_total{") && line.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
