package io.sitrep.events.wire;

import io.sitrep.events.ComponentStatusChanged;
import io.sitrep.events.EuWestOutage;
import io.sitrep.events.IncidentOpened;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The CloudEvents 1.0 binary-mode headers a producer puts on every Kafka record. */
class CloudEventHeadersTest {

    @Test
    void an_incident_event_has_the_cloud_events_attributes_of_its_incident() {
        IncidentOpened event = EuWestOutage.incidentOpened();

        Map<String, String> headers = CloudEventHeaders.of(event, "/sitrep/incident-service");

        assertThat(headers).containsOnly(
                entry("ce_specversion", "1.0"),
                entry("ce_id", "e1a4c2d8-3b6f-4a91-8d2e-5f7b0c9a1e63"),
                entry("ce_type", "incident.opened"),
                entry("ce_source", "/sitrep/incident-service"),
                entry("ce_time", "2025-10-20T07:11:04.518203Z"),
                entry("ce_subject", "7c9e2b14-5a3f-4d8e-b6c1-0f2a9d4e8b37"),
                entry("ce_dataschema", "urn:sitrep:events:incident.opened:v1"),
                entry("content-type", "application/json"));
    }

    @Test
    void a_component_event_has_the_component_id_as_subject() {
        ComponentStatusChanged event = EuWestOutage.componentStatusChanged();

        Map<String, String> headers = CloudEventHeaders.of(event, "/sitrep/incident-service");

        assertThat(headers)
                .containsEntry(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0)
                .containsEntry(CloudEventHeaders.ID, event.eventId().toString())
                .containsEntry(CloudEventHeaders.TYPE, "component.status_changed")
                .containsEntry(CloudEventHeaders.SUBJECT, "api")
                .containsEntry(CloudEventHeaders.TIME, "2025-10-20T08:02:17.904551Z")
                .containsEntry(CloudEventHeaders.DATA_SCHEMA, "urn:sitrep:events:component.status_changed:v1")
                .containsEntry(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    }

    @Test
    void the_time_is_when_the_change_occurred_not_when_it_was_published() {
        IncidentOpened event = EuWestOutage.incidentOpened();

        Map<String, String> headers = CloudEventHeaders.of(event, "/sitrep/incident-service");

        assertThat(headers.get(CloudEventHeaders.TIME))
                .isEqualTo(event.occurredAt().toString())
                .isNotEqualTo(event.publishedAt().toString());
    }
}
