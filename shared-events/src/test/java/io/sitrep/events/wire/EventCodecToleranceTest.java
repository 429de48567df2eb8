package io.sitrep.events.wire;

import io.sitrep.events.EuWestOutage;
import io.sitrep.events.EventType;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.SitrepEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A consumer reads what it can, and reports, never crashes on, what it cannot. */
class EventCodecToleranceTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String OPENED = EventType.INCIDENT_OPENED.wireName();
    private static final String SOURCE = "/sitrep/incident-service";

    private final EventCodec codec = new EventCodec();

    @Test
    void unknown_fields_at_the_top_and_nested_are_ignored() throws UndecodableEvent {
        ObjectNode sample = sample(EventType.INCIDENT_OPENED);
        sample.put("tenant", "acme");
        sample.withObjectProperty("update").put("author", "on-call");
        ((ObjectNode) sample.withObjectProperty("incident").withArrayProperty("components").get(0)).put("region", "eu-west-1");
        sample.withObjectProperty("incident").putObject("links").put("statusPage", "https://status.example.com/i/7c9e2b14");

        SitrepEvent decoded = codec.decode(OPENED, bytes(sample));

        assertThat(decoded).isEqualTo(EuWestOutage.incidentOpened());
    }

    @ParameterizedTest
    @ValueSource(strings = {"incident.exploded", "Incident.Opened", "incident.opened.v2", "com.example.incident.opened"})
    void an_unknown_type_is_reported_as_unknown_not_malformed(String type) {
        byte[] sample = GoldenSamples.sample(EventType.INCIDENT_OPENED);

        assertThatExceptionOfType(UnknownEventType.class)
                .isThrownBy(() -> codec.decode(type, sample))
                .withMessageContaining(type)
                .satisfies(e -> assertThat(e.type()).isEqualTo(type));
    }

    @Test
    void an_unknown_type_is_reported_before_its_data_is_looked_at() {
        byte[] garbage = "\u0000\u0001 not even json".getBytes(StandardCharsets.UTF_8);

        assertThatExceptionOfType(UnknownEventType.class).isThrownBy(() -> codec.decode("incident.exploded", garbage));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void a_record_without_a_type_is_malformed(String type) {
        byte[] sample = GoldenSamples.sample(EventType.INCIDENT_OPENED);

        assertThatExceptionOfType(MalformedEvent.class)
                .isThrownBy(() -> codec.decode(type, sample))
                .withMessageContaining("no event type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{", "{\"eventId\":", "[]", "42", "\"incident.opened\"", "   ", "<event/>"})
    void garbage_data_is_malformed_with_the_schema_it_misses(String data) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);

        assertThatExceptionOfType(MalformedEvent.class)
                .isThrownBy(() -> codec.decode(OPENED, bytes))
                .withMessageStartingWith("data does not match " + EventType.INCIDENT_OPENED.dataSchema() + ": ")
                .satisfies(e -> assertThat(e.type()).isEqualTo(OPENED));
    }

    @Test
    void no_data_is_malformed() {
        byte[] empty = new byte[0];

        assertThatExceptionOfType(MalformedEvent.class).isThrownBy(() -> codec.decode(OPENED, empty)).withMessage("no data");
        assertThatExceptionOfType(MalformedEvent.class).isThrownBy(() -> codec.decode(OPENED, null)).withMessage("no data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventId", "occurredAt", "publishedAt", "update", "incident"})
    void a_missing_required_field_is_malformed_and_named(String field) {
        ObjectNode sample = sample(EventType.INCIDENT_OPENED);
        sample.remove(field);

        assertThatExceptionOfType(MalformedEvent.class)
                .isThrownBy(() -> codec.decode(OPENED, bytes(sample)))
                .withMessageContaining(EventType.INCIDENT_OPENED.dataSchema())
                .withMessageContaining(field);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void a_missing_aggregate_id_is_malformed(EventType type) {
        ObjectNode sample = sample(type);
        sample.remove(List.of("incidentId", "componentId", "subscriptionId", "maintenanceId"));

        assertThatExceptionOfType(MalformedEvent.class)
                .isThrownBy(() -> codec.decode(type.wireName(), bytes(sample)))
                .withMessageContaining(type.dataSchema());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void a_missing_version_is_malformed_rather_than_zero(EventType type) {
        ObjectNode sample = sample(type);
        sample.remove("version");

        assertThatExceptionOfType(MalformedEvent.class)
                .isThrownBy(() -> codec.decode(type.wireName(), bytes(sample)))
                .withMessageContaining(type.dataSchema());
    }

    @Test
    void a_missing_nested_field_is_malformed_and_named() {
        ObjectNode sample = sample(EventType.INCIDENT_OPENED);
        sample.withObjectProperty("update").remove("message");

        assertThatExceptionOfType(MalformedEvent.class)
                .isThrownBy(() -> codec.decode(OPENED, bytes(sample)))
                .withMessageContaining("message");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void version_zero_is_malformed_with_the_reason(EventType type) {
        ObjectNode sample = sample(type);
        sample.put("version", 0);

        assertThatExceptionOfType(MalformedEvent.class)
                .isThrownBy(() -> codec.decode(type.wireName(), bytes(sample)))
                .withMessageContaining("version must be 1 or more, was 0");
    }

    @Test
    void an_unknown_status_is_malformed_with_the_known_ones() {
        ObjectNode sample = sample(EventType.INCIDENT_OPENED);
        sample.withObjectProperty("incident").put("status", "escalated");

        assertThatExceptionOfType(MalformedEvent.class)
                .isThrownBy(() -> codec.decode(OPENED, bytes(sample)))
                .withMessageContaining("'escalated' is not one of [investigating, identified, monitoring, resolved]");
    }

    @Test
    void a_malformed_timestamp_is_malformed() {
        ObjectNode sample = sample(EventType.INCIDENT_OPENED);
        sample.put("occurredAt", "20/10/2025 07:11");

        assertThatExceptionOfType(MalformedEvent.class).isThrownBy(() -> codec.decode(OPENED, bytes(sample)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void an_event_round_trips_through_its_cloud_event_headers_and_data(EventType type) throws UndecodableEvent {
        SitrepEvent event = EuWestOutage.of(type);
        Map<String, String> headers = CloudEventHeaders.of(event, SOURCE);
        byte[] data = codec.encode(event);

        SitrepEvent decoded = codec.decode(headers, data);

        assertThat(decoded).isEqualTo(event);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.3", "1", "1.1", "2.0", ""})
    void decoding_by_headers_rejects_a_spec_version_other_than_1_0(String specVersion) {
        IncidentOpened event = EuWestOutage.incidentOpened();
        Map<String, String> headers = new LinkedHashMap<>(CloudEventHeaders.of(event, SOURCE));
        headers.put(CloudEventHeaders.SPEC_VERSION, specVersion);

        assertThatExceptionOfType(MalformedEvent.class)
                .isThrownBy(() -> codec.decode(headers, codec.encode(event)))
                .withMessageContaining("unsupported CloudEvents spec version '" + specVersion + "'");
    }

    @Test
    void decoding_by_headers_reports_an_unknown_type() {
        IncidentOpened event = EuWestOutage.incidentOpened();
        Map<String, String> headers = new LinkedHashMap<>(CloudEventHeaders.of(event, SOURCE));
        headers.put(CloudEventHeaders.TYPE, "incident.merged");

        assertThatExceptionOfType(UnknownEventType.class).isThrownBy(() -> codec.decode(headers, codec.encode(event)));
    }

    @Test
    void decoding_by_headers_without_a_type_is_malformed() {
        IncidentOpened event = EuWestOutage.incidentOpened();
        Map<String, String> headers = new LinkedHashMap<>(CloudEventHeaders.of(event, SOURCE));
        headers.remove(CloudEventHeaders.TYPE);

        assertThatExceptionOfType(MalformedEvent.class)
                .isThrownBy(() -> codec.decode(headers, codec.encode(event)))
                .withMessageContaining(CloudEventHeaders.TYPE);
    }

    private static ObjectNode sample(EventType type) {
        return (ObjectNode) JSON.readTree(GoldenSamples.sample(type));
    }

    private static byte[] bytes(ObjectNode data) {
        return JSON.writeValueAsBytes(data);
    }
}
