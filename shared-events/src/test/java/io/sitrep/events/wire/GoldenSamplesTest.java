package io.sitrep.events.wire;

import io.sitrep.events.EventType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/** What a consuming service's contract test gets from {@link GoldenSamples}. */
class GoldenSamplesTest {

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void a_consumer_decodes_the_sample_of_every_type(EventType type) throws UndecodableEvent {
        byte[] sample = GoldenSamples.sample(type);

        var event = codec.decode(type.wireName(), sample);

        assertThat(event.type()).isSameAs(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_schema_resource_is_found_by_a_class_loader(EventType type) {
        String resource = GoldenSamples.schemaResource(type);

        URL url = Thread.currentThread().getContextClassLoader().getResource(resource);

        assertThat(resource).isEqualTo("io/sitrep/events/schemas/" + type.wireName() + ".schema.json");
        assertThat(url).isNotNull();
    }
}
