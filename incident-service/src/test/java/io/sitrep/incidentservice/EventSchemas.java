package io.sitrep.incidentservice;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.sitrep.events.EventType;
import io.sitrep.events.wire.GoldenSamples;
import io.sitrep.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks records on the topic against the published JSON Schema of their type, as a consumer would read them. */
public final class EventSchemas {

    private static final JsonMapper JSON = JsonMapper.shared();
    /** Draft 2020-12 with format assertions on, as the contract's own tests validate. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private EventSchemas() {
    }

    /** Asserts that the record's data is valid against the schema its {@code ce_type} names. */
    public static void assertValid(ConsumerRecord<String, byte[]> record) {
        String wireName = TopicReader.headers(record).get("ce_type");
        EventType type = EventType.fromWireName(wireName).orElseThrow(() -> new AssertionError("unknown type " + wireName));
        List<String> errors = schema(type).validate(JSON.readTree(record.value())).stream().map(Error::toString).toList();
        assertThat(errors).as("%s data against %s", wireName, type.dataSchema()).isEmpty();
    }

    private static Schema schema(EventType type) {
        String resource = GoldenSamples.schemaResource(type);
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no schema " + resource);
            }
            JsonNode tree = JSON.readTree(in);
            return REGISTRY.getSchema(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
