package io.sitrep.timeline.rebuild;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.CloudEventHeaders;
import io.sitrep.testsupport.Api;
import io.sitrep.testsupport.EventPublisher;
import io.sitrep.testsupport.Infrastructure;
import io.sitrep.testsupport.PostgresServer;
import io.sitrep.timeline.ComponentStory;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import io.sitrep.timeline.MaintenanceStory;
import io.sitrep.timeline.TestTopics;
import io.sitrep.timeline.TimelineServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.sitrep.timeline.IncidentStory.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild from the log, while events keep arriving and the API keeps answering, ends with read
 * models equal to those of a second instance that only ever consumed incrementally.
 */
class RebuildIT extends IntegrationTest {

    static final String OWN_TOPIC = "sitrep.incident-events.rebuild-it";

    @DynamicPropertySource
    static void ownTopic(DynamicPropertyRegistry registry) {
        registry.add("sitrep.timeline.ingest.topic", () -> TestTopics.created(OWN_TOPIC));
    }

    @Override
    protected String topic() {
        return OWN_TOPIC;
    }

    @Test
    void aRebuildWhileEventsKeepArrivingEqualsIncrementalConsumptionAndTheApiAnswersThroughout() throws Exception {
        List<IncidentStory> incidents = new ArrayList<>();
        List<SitrepEvent> history = history(incidents);
        events.publish(history.toArray(SitrepEvent[]::new));
        events.send(incidents.get(0).id().toString(), Map.of(CloudEventHeaders.TYPE, "incident.exploded"), "{}".getBytes(StandardCharsets.UTF_8));
        IncidentStory first = incidents.get(0);
        // A deleted incident keeps no versions: its tombstone removes them.
        java.util.Set<String> deleted = history.stream().filter(e -> e instanceof io.sitrep.events.IncidentDeleted)
                .map(SitrepEvent::aggregateId).collect(java.util.stream.Collectors.toSet());
        long versions = history.stream().filter(e -> e instanceof IncidentEvent && !deleted.contains(e.aggregateId()))
                .map(e -> e.aggregateId() + "/" + e.version()).distinct().count();
        await().atMost(TIMEOUT).until(() -> count("SELECT count(*) FROM incident_versions") == versions);
        long generationBefore = jdbc.sql("SELECT generation FROM current_generation").query(Long.class).single();

        try (ConfigurableApplicationContext reference = incrementalReference()) {
            Api admin = new Api(port, ADMIN_KEY);
            AtomicBoolean running = new AtomicBoolean(true);
            List<String> failures = new CopyOnWriteArrayList<>();
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger published = new AtomicInteger();
            Thread publisher = new Thread(() -> keepPublishing(running, published, incidents), "test-publisher");
            Thread prober = new Thread(() -> keepReading(running, failures, answered, first), "test-prober");
            publisher.start();
            prober.start();

            JsonNode started = admin.post("/api/v1/admin/rebuild", null).expect(202).json();
            JsonNode done;
            try {
                assertThat(started.get("generation").asLong()).isGreaterThan(generationBefore);
                admin.post("/api/v1/admin/rebuild", null).expectProblem(409, "rebuild-in-progress");
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                        .until(() -> admin.get("/api/v1/admin/rebuild").expect(200).json().get("state").asString().matches("completed|failed"));
                done = admin.get("/api/v1/admin/rebuild").expect(200).json();
                await().atMost(Duration.ofSeconds(10)).until(() -> published.get() > 20);
            } finally {
                running.set(false);
                publisher.join();
                prober.join();
            }

            assertThat(done.get("state").asString()).as("rebuild: %s", done).isEqualTo("completed");
            assertThat(done.get("currentGeneration").asLong()).isEqualTo(started.get("generation").asLong());
            assertThat(done.get("eventsApplied").asLong()).isGreaterThanOrEqualTo(history.size());
            assertThat(done.get("undecodable").asLong()).isEqualTo(1);
            assertThat(done.get("lag").isNumber()).isTrue();
            assertThat(done.get("eventsPerSecond").asDouble()).isPositive();
            assertThat(failures).as("reads that failed during the rebuild").isEmpty();
            assertThat(answered.get()).as("reads answered while the rebuild ran").isGreaterThanOrEqualTo(5);
            JdbcClient referenceDb = reference.getBean(JdbcClient.class);
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(readModels(jdbc)).isEqualTo(readModels(referenceDb)));
            assertThat(readModels(jdbc).get("incidents")).hasSizeGreaterThan(incidents.size() / 2);
            for (String table : Generations.READ_MODEL_TABLES) {
                assertThat(count("SELECT count(*) FROM " + table + " WHERE generation <> (SELECT generation FROM current_generation)"))
                        .as("rows of old generations in %s", table).isZero();
            }
            assertThat(readModels(jdbc).get("maintenances")).hasSize(6);
            assertThat(readModels(jdbc).get("maintenance_updates")).isNotEmpty()
                    .anySatisfy(row -> assertThat(row).contains("actor=Dana Whitfield"))
                    .anySatisfy(row -> assertThat(row).contains("actor=scheduler"));
            assertThat(count("SELECT count(*) FROM version_gaps")).isEqualTo(2);
        }
    }

    /**
     * Incidents and components with updates, resolutions, postmortems, duplicates and one version gap; maintenance
     * windows scheduled, reminded, started, verified, completed or cancelled, with duplicates and one version gap.
     */
    private static List<SitrepEvent> history(List<IncidentStory> incidents) {
        List<SitrepEvent> events = new ArrayList<>();
        Instant start = Instant.now().minus(Duration.ofDays(3));
        List<ComponentStory> components = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            ComponentStory component = ComponentStory.fresh("rb");
            components.add(component);
            events.add(component.define("Component " + c, c % 2 == 0 ? "Group A" : null, start));
        }
        for (int i = 0; i < 30; i++) {
            IncidentStory story = IncidentStory.startingAt("Rebuilt " + i, start.plus(Duration.ofMinutes(30L * i)));
            incidents.add(story);
            ComponentStory component = components.get(i % components.size());
            if (i % 5 == 1) {
                // Issue 13: some incidents start internal, as alerts open them, and half of those are published later.
                story.internal().by("alerts");
            }
            IncidentOpened opening = story.open(Impact.values()[i % 4], "Opened " + i,
                    change(component.id(), component.name(), ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL));
            events.add(opening);
            events.add(component.status(ComponentStatus.PARTIAL_OUTAGE, story.id(), start.plus(Duration.ofMinutes(30L * i))));
            SitrepEvent identified = story.update(IncidentStatus.IDENTIFIED, Impact.MAJOR, "Identified " + i);
            if (i == 7) {
                // Version 2 is lost on the way: a version gap, recorded the same way by every generation.
                events.add(story.update(IncidentStatus.MONITORING, Impact.MAJOR, "After a lost update"));
            } else {
                events.add(identified);
                events.add(identified);
            }
            if (i % 10 == 1) {
                events.add(story.by("Dana Whitfield").publish("Published " + i, "For customers " + i));
            }
            if (i % 6 == 3) {
                // Issue 13: corrections, and a deletion whose tombstone a rebuild applies the same way.
                events.add(story.edit("Renamed " + i, Impact.MINOR));
                events.add(story.correct(opening.update().id(), "Opened " + i, "Opened, corrected " + i, 2));
            }
            if (i == 10 || i == 20) {
                // Even, so that the updates published during the rebuild (to odd ones) never follow a tombstone.
                events.add(story.delete("Opened by mistake " + i));
                continue;
            }
            if (i % 2 == 0) {
                events.add(story.resolve("Resolved " + i,
                        change(component.id(), component.name(), ComponentStatus.OPERATIONAL, ComponentStatus.PARTIAL_OUTAGE)));
                events.add(component.status(ComponentStatus.OPERATIONAL, story.id(), start.plus(Duration.ofMinutes(30L * i + 20))));
                events.add(story.postmortem("Postmortem " + i));
            }
        }
        for (int m = 0; m < 6; m++) {
            ComponentStory component = components.get(m);
            MaintenanceStory window = MaintenanceStory.of("Window " + m, start.plus(Duration.ofMinutes(7L * m)),
                    start.plus(Duration.ofHours(m + 1L)), Duration.ofHours(1), MaintenanceStory.component(component.id(), component.name()));
            // Issue 13: maintenance updates keep who posted them, the scheduler for the steps a window takes by itself.
            events.add(window.schedule("Planned " + m).withActor("Dana Whitfield"));
            if (m == 1) {
                events.add(window.cancel("Not needed after all"));
                continue;
            }
            events.add(window.remind());
            SitrepEvent started = window.start("Started " + m).withActor("scheduler");
            events.add(started);
            events.add(started);
            if (m == 2) {
                // An update is lost on the way: a maintenance version gap, recorded the same way by every generation.
                window.update(MaintenanceStatus.VERIFYING, "Lost");
            } else if (m % 2 == 0) {
                events.add(window.update(MaintenanceStatus.VERIFYING, "Verifying " + m));
            }
            if (m != 5) {
                events.add(window.complete("Done " + m));
            }
        }
        return events;
    }

    /** Publishes new incidents and updates to earlier ones until told to stop, as fast as the broker acknowledges them. */
    private void keepPublishing(AtomicBoolean running, AtomicInteger published, List<IncidentStory> earlier) {
        try (EventPublisher publisher = EventPublisher.to(OWN_TOPIC)) {
            int n = 0;
            List<IncidentStory> fresh = new ArrayList<>();
            while (running.get() || n < 10) {
                IncidentStory story = IncidentStory.of("Arrived during the rebuild " + n);
                fresh.add(story);
                publisher.publish(story.open(Impact.MINOR, "New " + n));
                if (n > 0) {
                    publisher.publish(fresh.get(n - 1).update(IncidentStatus.MONITORING, Impact.MINOR, "Watching " + n));
                }
                if (n < earlier.size() && n % 2 == 1) {
                    publisher.publish(earlier.get(n).update(IncidentStatus.MONITORING, Impact.MINOR, "Later news " + n));
                }
                published.addAndGet(2);
                n++;
            }
        }
    }

    /** Reads the API until told to stop, recording every answer that is not a success. */
    private void keepReading(AtomicBoolean running, List<String> failures, AtomicInteger answered, IncidentStory known) {
        Api reader = new Api(port, null);
        while (running.get()) {
            for (String path : List.of("/api/v1/incidents/" + known.id(), "/api/v1/incidents?limit=5", "/api/v1/components",
                    "/api/v2/summary.json", "/")) {
                Api.Response response = reader.get(path);
                if (response.status() != 200) {
                    failures.add(path + " -> " + response.status() + " " + response.body());
                } else if (path.endsWith(known.id().toString()) && !response.json().get("title").asString().equals(known.title())) {
                    failures.add(path + " -> " + response.body());
                }
                answered.incrementAndGet();
            }
        }
    }

    /** A second instance, with its own database and consumer group, that only ever consumes incrementally. */
    private static ConfigurableApplicationContext incrementalReference() {
        PostgresServer postgres = Infrastructure.postgres();
        String database = postgres.createDatabase("timeline_reference");
        String kafka = Infrastructure.kafka().bootstrapServers();
        return new SpringApplicationBuilder(TimelineServiceApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka,
                "--sitrep.timeline.ingest.topic=" + OWN_TOPIC,
                "--sitrep.timeline.ingest.group=timeline-reference-" + UUID.randomUUID(),
                "--sitrep.timeline.ingest.dead-letter-topic=" + OWN_TOPIC + ".reference.dlt",
                "--spring.jmx.enabled=false");
    }

    /** Every read-model table of the current generation, without the generation column, rows in a stable order. */
    static Map<String, List<String>> readModels(JdbcClient jdbc) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : Generations.READ_MODEL_TABLES) {
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table + " WHERE generation = (SELECT generation FROM current_generation)")
                    .query().listOfRows()) {
                Map<String, Object> sorted = new TreeMap<>(row);
                sorted.remove("generation");
                rows.add(sorted.toString());
            }
            rows.sort(String::compareTo);
            tables.put(table, rows);
        }
        return tables;
    }
}
