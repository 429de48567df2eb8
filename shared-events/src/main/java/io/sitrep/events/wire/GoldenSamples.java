package io.sitrep.events.wire;

import io.sitrep.events.EventType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The golden sample and the JSON Schema of every event type, shipped in this jar so that a consuming
 * service's contract test can decode each sample and check that it handles it. A sample is the data
 * {@link EventCodec#encode} writes for one event of a regional outage (or, for {@code maintenance.*}, of a planned
 * database maintenance window); it validates against its schema.
 */
public final class GoldenSamples {

    private static final String ROOT = "io/sitrep/events/";

    private GoldenSamples() {
    }

    /**
     * The JSON data of the golden sample of a type, to decode with {@link EventCodec#decode(String, byte[])}.
     *
     * @throws IllegalStateException when this jar has no sample for the type
     */
    public static byte[] sample(EventType type) {
        String resource = ROOT + "samples/" + type.wireName() + ".json";
        try (InputStream in = GoldenSamples.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no golden sample " + resource + " for " + type.wireName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden sample " + resource, e);
        }
    }

    /**
     * The class-path resource of a type's JSON Schema (draft 2020-12), e.g.
     * {@code io/sitrep/events/schemas/incident.opened.schema.json}, for {@link ClassLoader#getResource}; its
     * {@code $id} is {@link EventType#dataSchema()}.
     */
    public static String schemaResource(EventType type) {
        return ROOT + "schemas/" + type.wireName() + ".schema.json";
    }
}
