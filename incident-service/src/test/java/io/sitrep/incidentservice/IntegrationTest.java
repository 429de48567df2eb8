package io.sitrep.incidentservice;

import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.UndecodableEvent;
import io.sitrep.testsupport.Api;
import io.sitrep.testsupport.OpenApiContract;
import io.sitrep.testsupport.TopicReader;
import io.sitrep.testsupport.WithRealInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Base of the integration tests: the whole service on a random port, with a real broker and a real
 * database. Subclasses share one application context, so each test makes its own data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sitrep.security.api-keys[0].name=writer",
        "sitrep.security.api-keys[0].sha256=3aec1946afb01344ae0065f3b123820a2144e455c13e5816dbd439e6634f7f26",
        "sitrep.security.api-keys[0].scopes=incidents:write,components:write",
        "sitrep.security.api-keys[1].name=reader",
        "sitrep.security.api-keys[1].sha256=ec4408df15da46b328f6f3246fa723d0aa6cb0f0a0dd9c4626080ab1b02aa3b2",
        "sitrep.security.api-keys[2].name=component-editor",
        "sitrep.security.api-keys[2].sha256=fda27f99e7cb3f6aefbd7edbed93d78d2bc9bf4d4ee4054dcda639324824259c",
        "sitrep.security.api-keys[2].scopes=components:write",
        "sitrep.security.api-keys[3].name=admin",
        "sitrep.security.api-keys[3].sha256=69a5265506c94c77b787a7d7377b7685a0eff82e33920a71e7ee22cd6154953e",
        "sitrep.security.api-keys[3].scopes=admin",
        "sitrep.security.api-keys[4].name=alerts",
        "sitrep.security.api-keys[4].sha256=" + IntegrationTest.ALERTS_KEY_SHA256,
        "sitrep.security.api-keys[4].scopes=incidents:write",
        "sitrep.security.api-keys[4].default-component=checkout",
        "sitrep.security.api-keys[5].name=console",
        "sitrep.security.api-keys[5].sha256=9cb140ec0fc2795bf482a942ec514f7c010c357ddd332844a674c0f0dbbde7f8",
        "sitrep.security.api-keys[5].scopes=incidents:write,actor:delegate",
        "sitrep.security.api-keys[6].name=public-alerts",
        "sitrep.security.api-keys[6].sha256=157a09539d206aeb7ee7062c9f27b5e1dea7607dd33c6c81e99a3697551c4c04",
        "sitrep.security.api-keys[6].scopes=incidents:write",
        "sitrep.security.api-keys[6].incident-visibility=public",
        "sitrep.security.rate-limit.requests-per-period=100000",
        "sitrep.maintenance.suppress-alerts-by-key.writer=false",
        "sitrep.outbox.poll-interval=200ms",
        // Contexts share one broker but each has a database of its own, so the log holds rows no one database has;
        // RestoreIT runs the lost-rows check itself.
        "sitrep.restore.check-enabled=false",
})
@WithRealInfrastructure
public abstract class IntegrationTest {

    protected static final String WRITER_KEY = "writer-key";
    protected static final String READER_KEY = "reader-key";
    protected static final String COMPONENT_EDITOR_KEY = "components-key";
    protected static final String ADMIN_KEY = "admin-key";
    /** An integration key whose default component is {@code checkout}. */
    protected static final String ALERTS_KEY = "alerts-key";
    /** A trusted client that may act for a person it names in Sitrep-Actor. */
    protected static final String CONSOLE_KEY = "console-key";
    /** An integration key whose alerts open public incidents. */
    protected static final String PUBLIC_ALERTS_KEY = "public-alerts-key";
    static final String ALERTS_KEY_SHA256 = "1722d496a9b29bc25176676fef46ec86b8d21773aeb0de925fe7dc95293a215a";
    protected static final String TOPIC = "sitrep.incident-events";
    protected static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;
    protected TopicReader topic;
    private final EventCodec codec = new EventCodec();

    @BeforeEach
    void connect() {
        api = new Api(port, WRITER_KEY, OpenApiContract.of("incident-service"));
        topic = TopicReader.of(TOPIC);
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    /** A component id no other test uses. */
    protected static String freshComponentId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Defines a component and returns its id. */
    protected String aComponent(String prefix, String name) {
        String id = freshComponentId(prefix);
        api.put("/api/v1/components/" + id, "{\"name\":\"" + name + "\",\"group\":\"Core\"}").expect(201);
        return id;
    }

    /** Opens an incident and returns its id. */
    protected String anOpenIncident(String title) {
        return api.post("/api/v1/incidents", "{\"title\":\"" + title + "\",\"message\":\"We are looking into it.\"}")
                .expect(201).json().get("id").asString();
    }

    /** Waits for {@code count} events keyed by {@code key} and decodes them in arrival order. */
    protected List<ConsumerRecord<String, byte[]>> awaitEvents(String key, int count) {
        return topic.awaitRecords(TopicReader.keyed(key), count, KAFKA_TIMEOUT);
    }

    protected SitrepEvent decode(ConsumerRecord<String, byte[]> record) {
        try {
            return codec.decode(TopicReader.headers(record), record.value());
        } catch (UndecodableEvent e) {
            throw new AssertionError("record on " + record.topic() + " does not decode: " + e.getMessage(), e);
        }
    }

    protected long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
