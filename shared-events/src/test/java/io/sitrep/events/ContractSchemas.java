package io.sitrep.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.sitrep.events.wire.GoldenSamples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads the contract's schemas and samples as JSON trees and validates data against a schema. */
final class ContractSchemas {

    static final JsonMapper JSON = JsonMapper.shared();

    /** Draft 2020-12 with format assertions on, so that a malformed uuid or date-time is an error. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private ContractSchemas() {
    }

    /** The schema of a type as a JSON tree. */
    static ObjectNode schemaTree(EventType type) {
        String resource = GoldenSamples.schemaResource(type);
        try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no schema " + resource + " for " + type.wireName());
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden sample of a type as a JSON tree, free to change. */
    static ObjectNode sampleTree(EventType type) {
        return (ObjectNode) JSON.readTree(GoldenSamples.sample(type));
    }

    /** The errors of validating {@code data} against {@code schema}, as messages; empty when valid. */
    static List<String> errors(JsonNode schema, JsonNode data) {
        Schema compiled = REGISTRY.getSchema(schema);
        return compiled.validate(data).stream().map(Error::toString).toList();
    }

    /** The errors of validating a schema against the draft 2020-12 meta-schema, which the validator bundles. */
    static List<String> metaSchemaErrors(JsonNode schema) {
        Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        return metaSchema.validate(schema).stream().map(Error::toString).toList();
    }

    /** The errors of validating {@code data} against the schema of {@code type}. */
    static List<String> errors(EventType type, JsonNode data) {
        return errors(schemaTree(type), data);
    }

    /**
     * A copy of a schema in which no object declared with {@code "type": "object"} admits a property it
     * does not describe: data valid against it has no field the schema leaves undocumented.
     */
    static ObjectNode closed(ObjectNode schema) {
        ObjectNode copy = schema.deepCopy();
        forEachObjectSchema(copy, node -> node.put("additionalProperties", false));
        return copy;
    }

    /** Visits every sub-schema declared with {@code "type": "object"}, the root included. */
    static void forEachObjectSchema(JsonNode node, Consumer<ObjectNode> visitor) {
        if (node.isObject()) {
            if ("object".equals(node.path("type").asString(""))) {
                visitor.accept((ObjectNode) node);
            }
            node.values().forEach(child -> forEachObjectSchema(child, visitor));
        } else if (node.isArray()) {
            node.values().forEach(child -> forEachObjectSchema(child, visitor));
        }
    }

    /** A copy of {@code data} with {@code field} set to {@code value} in every object, nested ones included. */
    static JsonNode withFieldEverywhere(JsonNode data, String field, JsonNode value) {
        JsonNode copy = data.deepCopy();
        everyObject(copy, object -> object.set(field, value));
        return copy;
    }

    /** A copy of {@code data} without the fields whose value is null, in every object. */
    static JsonNode withoutNulls(JsonNode data) {
        JsonNode copy = data.deepCopy();
        everyObject(copy, object -> object.remove(object.propertyStream()
                .filter(property -> property.getValue().isNull())
                .map(Map.Entry::getKey)
                .toList()));
        return copy;
    }

    private static void everyObject(JsonNode node, Consumer<ObjectNode> visitor) {
        if (node.isObject()) {
            node.values().forEach(child -> everyObject(child, visitor));
            visitor.accept((ObjectNode) node);
        } else if (node.isArray()) {
            node.values().forEach(child -> everyObject(child, visitor));
        }
    }
}
