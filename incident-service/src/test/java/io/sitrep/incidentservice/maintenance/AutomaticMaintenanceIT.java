package io.sitrep.incidentservice.maintenance;

import io.sitrep.events.ComponentEvent;
import io.sitrep.events.MaintenanceCompleted;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.MaintenanceReminder;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.events.MaintenanceStarted;
import io.sitrep.events.SitrepEvent;
import io.sitrep.incidentservice.EventSchemas;
import io.sitrep.incidentservice.IncidentServiceApplication;
import io.sitrep.incidentservice.IntegrationTest;
import io.sitrep.incidentservice.maintenance.application.DueMaintenancePoller;
import io.sitrep.testsupport.Api;
import io.sitrep.testsupport.Infrastructure;
import io.sitrep.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders, starts and completions that happen by themselves, on a clock the test moves, with two
 * instances polling one database: each step happens once, in order, and one that fell due while no
 * instance ran happens as soon as one starts.
 */
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = "sitrep.maintenance.poll-interval=100ms")
class AutomaticMaintenanceIT extends IntegrationTest {

    private static final String PATH = "/api/v1/maintenances";
    private static final MutableClock CLOCK = TestClockConfiguration.CLOCK;
    private static final Duration QUIET = Duration.ofSeconds(1);

    @Autowired
    private Environment environment;

    @Autowired
    private DueMaintenancePoller poller;

    private Api admin;

    @BeforeEach
    void asAdmin() {
        admin = api.as(ADMIN_KEY);
    }

    @AfterEach
    void pollerRunning() {
        poller.start();
    }

    @Test
    void twoInstancesRemindStartAndCompleteEveryWindowExactlyOnceAndInOrder() {
        try (ConfigurableApplicationContext other = secondInstance()) {
            String shared = aComponent("db", "Primary database");
            List<String> own = new ArrayList<>();
            List<String> windows = new ArrayList<>();
            Instant startsAt = CLOCK.instant().plusSeconds(2).truncatedTo(ChronoUnit.MICROS);
            for (int i = 0; i < 4; i++) {
                own.add(aComponent("node" + i, "Node " + i));
                windows.add(schedule("Rolling upgrade " + i, startsAt, startsAt.plusSeconds(2), "PT1S", shared, own.get(i)));
            }

            CLOCK.advance(Duration.ofSeconds(1));
            windows.forEach(id -> awaitEvents(id, 2));
            String beforeStart = status(shared);
            CLOCK.advance(Duration.ofSeconds(1));
            windows.forEach(id -> awaitEvents(id, 3));
            await().atMost(KAFKA_TIMEOUT).until(() -> status(shared).equals("under_maintenance"));
            List<String> during = own.stream().map(this::status).toList();
            CLOCK.advance(Duration.ofSeconds(2));
            windows.forEach(id -> awaitEvents(id, 4));

            assertThat(beforeStart).isEqualTo("operational");
            assertThat(during).containsOnly("under_maintenance");
            await().atMost(KAFKA_TIMEOUT).untilAsserted(() -> {
                assertThat(status(shared)).isEqualTo("operational");
                assertThat(own.stream().map(this::status)).containsOnly("operational");
            });
            await().during(QUIET).atMost(QUIET.multipliedBy(3))
                    .until(() -> windows.stream().allMatch(id -> topic.recordsSoFar(TopicReader.keyed(id)).size() == 4));
            for (String id : windows) {
                List<ConsumerRecord<String, byte[]>> records = topic.recordsSoFar(TopicReader.keyed(id));
                records.forEach(EventSchemas::assertValid);
                List<SitrepEvent> events = records.stream().map(this::decode).toList();
                assertThat(events).hasExactlyElementsOfTypes(MaintenanceScheduled.class, MaintenanceReminder.class,
                        MaintenanceStarted.class, MaintenanceCompleted.class);
                assertThat(events).extracting(SitrepEvent::version).containsExactly(1L, 2L, 3L, 4L);
                assertThat(events).extracting(e -> ((MaintenanceEvent) e).actor()).containsExactly("admin", "scheduler", "scheduler", "scheduler");
                assertThat(((MaintenanceStarted) events.get(2)).automatic()).isTrue();
                assertThat(((MaintenanceCompleted) events.get(3)).automatic()).isTrue();
                assertThat(events.get(2).occurredAt()).isEqualTo(startsAt);
                assertThat(events.get(3).occurredAt()).isEqualTo(startsAt.plusSeconds(2));
            }
            List<SitrepEvent> componentEvents = topic.recordsSoFar(TopicReader.keyed(own.get(0))).stream().map(this::decode).toList();
            assertThat(componentEvents).extracting(e -> ((ComponentEvent) e).actor()).containsExactly("writer", "scheduler", "scheduler");
            assertThat(jdbc.sql("SELECT count(*) FROM maintenance_updates WHERE maintenance_id::text = ANY (?)")
                    .param(windows.toArray(String[]::new)).query(Long.class).single()).isEqualTo(3L * windows.size());
        }
    }

    @Test
    void stepsThatFellDueWhileNoInstanceRanHappenAtOnceWhenOneStarts() {
        String component = aComponent("db", "Primary database");
        Instant startsAt = CLOCK.instant().plusSeconds(2).truncatedTo(ChronoUnit.MICROS);
        String id = schedule("Window nobody watched", startsAt, startsAt.plusSeconds(2), "PT1S", component);
        awaitEvents(id, 1);
        poller.stop();

        CLOCK.advance(Duration.ofMinutes(30));
        Instant backAt = CLOCK.instant().truncatedTo(ChronoUnit.MICROS);
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> topic.recordsSoFar(TopicReader.keyed(id)).size() == 1);
        List<SitrepEvent> events;
        try (ConfigurableApplicationContext restarted = secondInstance()) {
            events = awaitEvents(id, 3).stream().map(this::decode).toList();
        }

        assertThat(events).hasExactlyElementsOfTypes(MaintenanceScheduled.class, MaintenanceStarted.class, MaintenanceCompleted.class);
        MaintenanceCompleted completed = (MaintenanceCompleted) events.get(2);
        assertThat(events.get(1).occurredAt()).isEqualTo(backAt);
        assertThat(completed.occurredAt()).isEqualTo(backAt);
        assertThat(completed.maintenance().scheduledFor()).isEqualTo(startsAt);
        assertThat(completed.maintenance().scheduledUntil()).isEqualTo(startsAt.plusSeconds(2));
        assertThat(completed.maintenance().startedAt()).isEqualTo(backAt);
        assertThat(status(component)).isEqualTo("operational");
        assertThat(admin.get(PATH + "/" + id).json().get("status").asString()).isEqualTo("completed");
        assertThat(admin.get(PATH + "/" + id).json().get("updates").valueStream().map(update -> update.get("actor").asString()))
                .containsExactly("admin", "scheduler", "scheduler");
    }

    @Test
    void aRestartInTheMiddleOfTheWindowStillCompletesIt() {
        String component = aComponent("db", "Primary database");
        Instant startsAt = CLOCK.instant().plusSeconds(1).truncatedTo(ChronoUnit.MICROS);
        String id = schedule("Interrupted window", startsAt, startsAt.plusSeconds(10), null, component);
        CLOCK.advance(Duration.ofSeconds(1));
        awaitEvents(id, 2);
        await().atMost(KAFKA_TIMEOUT).until(() -> status(component).equals("under_maintenance"));
        poller.stop();

        CLOCK.advance(Duration.ofSeconds(20));
        List<SitrepEvent> events;
        try (ConfigurableApplicationContext restarted = secondInstance()) {
            events = awaitEvents(id, 3).stream().map(this::decode).toList();
        }

        assertThat(events.get(2)).isInstanceOfSatisfying(MaintenanceCompleted.class, c -> assertThat(c.automatic()).isTrue());
        assertThat(status(component)).isEqualTo("operational");
        assertThat(events).extracting(e -> ((MaintenanceEvent) e).maintenance().version()).containsExactly(1L, 2L, 3L);
    }

    private String schedule(String title, Instant from, Instant until, String remindBefore, String... components) {
        return admin.post(PATH, """
                {"title":"%s","message":"Planned work.","components":["%s"],"scheduledFor":"%s","scheduledUntil":"%s"%s}"""
                .formatted(title, String.join("\",\"", components), from, until,
                        remindBefore == null ? "" : ",\"remindBefore\":\"" + remindBefore + "\""))
                .expect(201).json().get("id").asString();
    }

    private String status(String component) {
        return admin.get("/api/v1/components/" + component).expect(200).json().get("status").asString();
    }

    /** Another instance of the service on the same database and broker, with the test's clock. */
    private ConfigurableApplicationContext secondInstance() {
        String kafka = Infrastructure.kafka().bootstrapServers();
        return new SpringApplicationBuilder(IncidentServiceApplication.class, TestClockConfiguration.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--sitrep.maintenance.poll-interval=100ms",
                "--sitrep.outbox.poll-interval=200ms",
                "--spring.jmx.enabled=false");
    }
}
