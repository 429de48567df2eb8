package io.sitrep.timeline;

import io.sitrep.testsupport.Api;
import io.sitrep.testsupport.OpenApiContract;
import io.sitrep.testsupport.EventPublisher;
import io.sitrep.testsupport.WithRealInfrastructure;
import io.sitrep.timeline.snapshot.PublicSnapshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Base of the integration tests: the whole service on a random port, consuming the shared broker's
 * incident-events topic with a consumer group of its own, into a database of its own. Subclasses share
 * one application context, so each test makes its own incidents and components. The spans the
 * service ends are recorded ({@link RecordedSpans}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sitrep.consumer.backoff.max=1s",
        "sitrep.timeline.admin-key-sha256=" + IntegrationTest.ADMIN_KEY_SHA256,
        "sitrep.timeline.stream.heartbeat-interval=1s",
        // Tests stand for other client addresses with X-Forwarded-For, which the stream trusts from the local peer only.
        "sitrep.timeline.stream.trusted-proxies=127.0.0.1,::1",
        // The tests open up to 20 streams at once from the local address and close them; the container notices only at a write.
        "sitrep.timeline.stream.max-clients-per-address=40",
})
@WithRealInfrastructure
@Import(RecordedSpans.class)
public abstract class IntegrationTest {

    protected static final String TOPIC = "sitrep.incident-events";
    protected static final String DEAD_LETTER_TOPIC = "sitrep.incident-events.timeline.dlt";
    /** The admin key of the tests; its SHA-256 is configured. */
    protected static final String ADMIN_KEY = "timeline-admin-key";
    protected static final String ADMIN_KEY_SHA256 = "6d5265cf2e18c2dd7d4339d7e364ac3d9ec8f0dbec44898247495a8909d004f9";
    protected static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String GROUP = "timeline-it-" + UUID.randomUUID();

    @DynamicPropertySource
    static void consumerGroupAndTopic(DynamicPropertyRegistry registry) {
        // A group for each context (this method runs once for each context made): every context is a deployment of its own,
        // with a database of its own. Contexts that shared a group split the topic's partitions between them, so an event a
        // test published could be applied by another cached context, into its database, and never reach the test's; and
        // each start, stop or second instance rebalanced the others' consumers.
        String group = GROUP + "." + UUID.randomUUID();
        registry.add("sitrep.timeline.ingest.group", () -> group);
        TestTopics.created(TOPIC);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected PublicSnapshots snapshots;

    protected Api api;
    protected EventPublisher events;

    @BeforeEach
    void connect() {
        api = new Api(port, null, OpenApiContract.of("timeline-service"));
        events = EventPublisher.to(topic());
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    /** The topic this test's context consumes; a test that needs the read models to itself overrides it with its own. */
    protected String topic() {
        return TOPIC;
    }

    /** Waits until the incident is readable and {@code until} holds for it, and returns it. */
    protected JsonNode awaitIncident(UUID id, Predicate<JsonNode> until) {
        JsonNode[] incident = new JsonNode[1];
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = api.get("/api/v1/incidents/" + id);
            if (response.status() != 200) {
                return false;
            }
            incident[0] = response.json();
            return until.test(incident[0]);
        });
        awaitSnapshot();
        return incident[0];
    }

    /**
     * Waits until the public snapshot (the page, the feed, {@code /api/v2}) holds everything committed before this call: it is
     * built after each batch on a thread of its own, so it may trail the read models by a build.
     */
    protected void awaitSnapshot() {
        long request = snapshots.requestBuild();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> snapshots.current().covers(request));
    }

    /** Waits until the incident is at {@code version}, and returns it. */
    protected JsonNode awaitIncidentVersion(UUID id, long version) {
        return awaitIncident(id, incident -> incident.get("version").asLong() >= version);
    }

    protected long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
