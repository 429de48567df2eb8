package io.sitrep.timeline.ingest;

import io.sitrep.events.EventType;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.ComponentEvent;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.GoldenSamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract from the consuming side: every golden sample decodes into an event this service applies. */
class GoldenSamplesTest {

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyGoldenSampleDecodesAndEachIncidentComponentOrMaintenanceEventCarriesItsSnapshot(EventType type) throws Exception {
        SitrepEvent event = codec.decode(type.wireName(), GoldenSamples.sample(type));

        assertThat(event.type()).isEqualTo(type);
        assertThat(event.version()).isPositive();
        assertThat(event.publishedAt()).isNotNull();
        if (event instanceof IncidentEvent incident) {
            assertThat(incident.incident().version()).isEqualTo(event.version());
        } else if (event instanceof ComponentEvent component) {
            assertThat(component.component().version()).isEqualTo(event.version());
        } else if (event instanceof MaintenanceEvent maintenance) {
            assertThat(maintenance.maintenance().version()).isEqualTo(event.version());
            assertThat(IncidentEventsConsumer.appliesTo(event)).isTrue();
        } else {
            // Not an incident, component or maintenance event (the contract has other aggregates): the consumer ignores it.
            assertThat(IncidentEventsConsumer.appliesTo(event)).isFalse();
        }
    }
}
