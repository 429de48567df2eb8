package io.sitrep.timeline;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The overall indicator follows the worst component status and open incident, on read models of its own. */
class StatusIT extends IntegrationTest {

    static final String OWN_TOPIC = "sitrep.incident-events.status-it";

    @DynamicPropertySource
    static void ownTopic(DynamicPropertyRegistry registry) {
        registry.add("sitrep.timeline.ingest.topic", () -> TestTopics.created(OWN_TOPIC));
    }

    @Override
    protected String topic() {
        return OWN_TOPIC;
    }

    @Test
    void theIndicatorIsTheWorstOfComponentsAndOpenIncidents() {
        Instant at = Instant.now().minus(Duration.ofMinutes(30));
        ComponentStory api1 = ComponentStory.fresh("api");
        events.publish(api1.define("Public API", "EU West", at));
        await().atMost(TIMEOUT).until(() -> api.get("/api/v1/components/" + api1.id()).status() == 200);
        assertThat(status()).isEqualTo("none:All Systems Operational");

        events.publish(api1.status(ComponentStatus.DEGRADED_PERFORMANCE, null, at.plusSeconds(60)));
        await().atMost(TIMEOUT).until(() -> status().equals("minor:Minor Service Outage"));

        IncidentStory story = IncidentStory.of("Everything is down");
        events.publish(story.open(Impact.CRITICAL, "Everything is down."));
        await().atMost(TIMEOUT).until(() -> status().equals("critical:Major Service Outage"));

        events.publish(story.resolve("Back up."), api1.status(ComponentStatus.PARTIAL_OUTAGE, null, at.plusSeconds(120)));
        await().atMost(TIMEOUT).until(() -> status().equals("major:Partial System Outage"));

        events.publish(api1.status(ComponentStatus.UNDER_MAINTENANCE, null, at.plusSeconds(180)));
        await().atMost(TIMEOUT).until(() -> status().equals("none:Service Under Maintenance"));
    }

    private String status() {
        JsonNode status = api.get("/api/v1/status").expect(200).json();
        return status.get("indicator").asString() + ":" + status.get("description").asString();
    }
}
