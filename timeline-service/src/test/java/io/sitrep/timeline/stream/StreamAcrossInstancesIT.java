package io.sitrep.timeline.stream;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.testsupport.Api;
import io.sitrep.testsupport.Infrastructure;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import io.sitrep.timeline.SseClient;
import io.sitrep.timeline.TestTopics;
import io.sitrep.timeline.TimelineServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances share a database and a consumer group, so each consumes some partitions; a client
 * of either stream still gets every event.
 */
class StreamAcrossInstancesIT extends IntegrationTest {

    static final String OWN_TOPIC = "sitrep.incident-events.stream-it";

    @Autowired
    private Environment environment;

    /**
     * One consumer thread per instance: the topic's four partitions then split two and two. With the
     * default four threads each, eight consumers share four partitions and the range assignor may give
     * all of them to one instance, which is not the case this test is about.
     */
    static final String CONSUMER_THREADS = "1";

    @DynamicPropertySource
    static void ownTopic(DynamicPropertyRegistry registry) {
        registry.add("sitrep.timeline.ingest.topic", () -> TestTopics.created(OWN_TOPIC));
        registry.add("spring.cloud.stream.bindings.incidentEvents-in-0.consumer.concurrency", () -> CONSUMER_THREADS);
    }

    @Override
    protected String topic() {
        return OWN_TOPIC;
    }

    @Test
    void aClientOfOneInstanceGetsTheEventsTheOtherInstanceApplied() {
        try (ConfigurableApplicationContext other = secondInstance();
             SseClient client = SseClient.connect(api.baseUrl() + "/api/v1/stream", null)) {
            Api otherApi = new Api(Integer.parseInt(other.getEnvironment().getProperty("local.server.port")), null);
            List<IncidentOpened> published = new ArrayList<>();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                for (int i = 0; i < 4; i++) {
                    IncidentOpened opened = IncidentStory.of("Either instance " + published.size()).open(Impact.MINOR, "Somewhere.");
                    events.publish(opened);
                    published.add(opened);
                }
                return applied(otherApi) > 0 && applied(api) > 0;
            });

            for (IncidentOpened opened : published) {
                client.awaitEvent(opened.eventId().toString(), TIMEOUT);
            }
            assertThat(client.events().stream().map(SseClient.Event::id).distinct().count()).isEqualTo(client.events().size());
        }
    }

    /** issue 16: an instance learns from its stream feed what the other applied, and reads its snapshot again. */
    @Test
    void eachInstanceServesFromItsSnapshotWhatTheOtherAppliedUnderTheSameEntityTag() {
        try (ConfigurableApplicationContext other = secondInstance()) {
            Api otherApi = new Api(Integer.parseInt(other.getEnvironment().getProperty("local.server.port")), null);
            List<IncidentOpened> published = new ArrayList<>();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                for (int i = 0; i < 4; i++) {
                    IncidentOpened opened = IncidentStory.of("Either snapshot " + published.size()).open(Impact.MINOR, "Somewhere.");
                    events.publish(opened);
                    published.add(opened);
                }
                return applied(otherApi) > 0 && applied(api) > 0;
            });

            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                Api.Response here = api.get("/api/v2/incidents/unresolved.json").expect(200);
                Api.Response there = otherApi.get("/api/v2/incidents/unresolved.json").expect(200);
                for (IncidentOpened opened : published) {
                    assertThat(here.body()).contains(opened.aggregateId().toString());
                    assertThat(there.body()).contains(opened.aggregateId().toString());
                }
                assertThat(there.header("ETag")).isEqualTo(here.header("ETag"));
            });
        }
    }

    private static long applied(Api instance) {
        return instance.as(ADMIN_KEY).get("/actuator/health").json().get("components").get("readModels").get("details")
                .get("eventsSinceStart").get("applied").asLong();
    }

    private ConfigurableApplicationContext secondInstance() {
        String kafka = Infrastructure.kafka().bootstrapServers();
        return new SpringApplicationBuilder(TimelineServiceApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka,
                "--sitrep.timeline.ingest.topic=" + OWN_TOPIC,
                "--spring.cloud.stream.bindings.incidentEvents-in-0.consumer.concurrency=" + CONSUMER_THREADS,
                "--sitrep.timeline.ingest.group=" + environment.getProperty("sitrep.timeline.ingest.group"),
                "--sitrep.timeline.admin-key-sha256=" + ADMIN_KEY_SHA256,
                "--spring.jmx.enabled=false");
    }
}
