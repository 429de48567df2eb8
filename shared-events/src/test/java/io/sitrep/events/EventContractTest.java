package io.sitrep.events;

import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.GoldenSamples;
import io.sitrep.events.wire.UndecodableEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.sitrep.events.ContractSchemas.JSON;
import static io.sitrep.events.ContractSchemas.closed;
import static io.sitrep.events.ContractSchemas.errors;
import static io.sitrep.events.ContractSchemas.forEachObjectSchema;
import static io.sitrep.events.ContractSchemas.metaSchemaErrors;
import static io.sitrep.events.ContractSchemas.sampleTree;
import static io.sitrep.events.ContractSchemas.schemaTree;
import static io.sitrep.events.ContractSchemas.withFieldEverywhere;
import static io.sitrep.events.ContractSchemas.withoutNulls;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type has a JSON Schema and a golden sample, and the records, the codec, the samples and the
 * schemas agree. Parameterised over every {@link EventType}, so a new type without a schema or sample fails.
 */
class EventContractTest {

    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_type_has_a_schema_identified_by_its_data_schema(EventType type) {
        ObjectNode schema = schemaTree(type);

        assertThat(schema.path("$id").asString()).isEqualTo(type.dataSchema());
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("title").asString()).isEqualTo(type.wireName());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_schema_is_a_valid_draft_2020_12_schema(EventType type) {
        ObjectNode schema = schemaTree(type);
        ObjectNode misspelt = schemaTree(type);
        misspelt.withObjectProperty("properties").withObjectProperty("eventId").put("type", "uuid");

        List<String> errors = metaSchemaErrors(schema);

        assertThat(errors).isEmpty();
        assertThat(metaSchemaErrors(misspelt)).as("the meta-schema check bites").isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_type_has_a_golden_sample(EventType type) {
        byte[] sample = GoldenSamples.sample(type);

        assertThat(JSON.readTree(sample).isObject()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_fixture_event_encodes_to_exactly_the_golden_sample(EventType type) {
        SitrepEvent event = EuWestOutage.of(type);

        JsonNode encoded = JSON.readTree(codec.encode(event));

        assertThat(event.type()).isEqualTo(type);
        assertThat(encoded).isEqualTo(sampleTree(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_golden_sample_decodes_to_the_fixture_event(EventType type) throws UndecodableEvent {
        byte[] sample = GoldenSamples.sample(type);

        SitrepEvent decoded = codec.decode(type.wireName(), sample);

        assertThat(decoded).isInstanceOf(type.recordType()).isEqualTo(EuWestOutage.of(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_golden_sample_is_valid_against_its_schema(EventType type) {
        ObjectNode sample = sampleTree(type);

        List<String> errors = errors(type, sample);

        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_encoded_fixture_event_is_valid_against_its_schema(EventType type) {
        JsonNode encoded = JSON.readTree(codec.encode(EuWestOutage.of(type)));

        List<String> errors = errors(type, encoded);

        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_schema_describes_every_field_the_codec_writes(EventType type) {
        ObjectNode closedSchema = closed(schemaTree(type));
        JsonNode encoded = JSON.readTree(codec.encode(EuWestOutage.of(type)));

        List<String> errors = errors(closedSchema, encoded);

        assertThat(errors).as("fields the codec writes but the schema does not describe").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_schema_requires_exactly_the_fields_that_are_never_null(EventType type) {
        ObjectNode schema = schemaTree(type);
        List<String> mismatches = new ArrayList<>();

        forEachObjectSchema(schema, object -> {
            Set<String> required = new HashSet<>();
            object.path("required").values().forEach(name -> required.add(name.asString()));
            object.path("properties").properties().forEach(property -> {
                boolean nullable = isNullable(property.getValue());
                if (nullable == required.contains(property.getKey())) {
                    mismatches.add(property.getKey() + (nullable ? " is nullable but required" : " is never null but not required"));
                }
            });
        });

        assertThat(mismatches).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_schema_gives_every_field_a_description_and_admits_additional_fields(EventType type) {
        ObjectNode schema = schemaTree(type);
        List<String> problems = new ArrayList<>();

        forEachObjectSchema(schema, object -> {
            if (!object.path("additionalProperties").asBoolean(true)) {
                problems.add("an object forbids additional properties: " + object.path("description").asString());
            }
            object.path("properties").properties().forEach(property -> {
                if (property.getValue().path("description").asString("").isBlank()) {
                    problems.add(property.getKey() + " has no description");
                }
            });
        });

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_schema_enums_are_the_wire_names_of_the_java_enums(EventType type) {
        JsonNode defs = schemaTree(type).path("$defs");

        assertEnum(defs.path("IncidentStatus"), Arrays.stream(IncidentStatus.values()).map(IncidentStatus::wireName).toList());
        assertEnum(defs.path("Impact"), Arrays.stream(Impact.values()).map(Impact::wireName).toList());
        assertEnum(defs.path("Visibility"), Arrays.stream(Visibility.values()).map(Visibility::wireName).toList());
        assertEnum(defs.path("ComponentStatus"), Arrays.stream(ComponentStatus.values()).map(ComponentStatus::wireName).toList());
        assertEnum(defs.path("MaintenanceStatus"), Arrays.stream(MaintenanceStatus.values()).map(MaintenanceStatus::wireName).toList());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void a_sample_with_fields_added_at_every_level_is_still_valid_and_decodes(EventType type) throws UndecodableEvent {
        JsonNode extended = withFieldEverywhere(sampleTree(type), "addedInALaterRelease", StringNode.valueOf("ignored"));

        List<String> errors = errors(type, extended);
        SitrepEvent decoded = codec.decode(type.wireName(), JSON.writeValueAsBytes(extended));

        assertThat(errors).isEmpty();
        assertThat(decoded).isEqualTo(EuWestOutage.of(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void a_sample_without_its_null_fields_decodes_to_the_same_event(EventType type) throws UndecodableEvent {
        JsonNode withoutNulls = withoutNulls(sampleTree(type));

        SitrepEvent decoded = codec.decode(type.wireName(), JSON.writeValueAsBytes(withoutNulls));

        assertThat(errors(type, withoutNulls)).isEmpty();
        assertThat(decoded).isEqualTo(EuWestOutage.of(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_schema_rejects_a_sample_without_a_required_field(EventType type) {
        ObjectNode schema = schemaTree(type);
        List<String> accepted = new ArrayList<>();

        for (JsonNode field : schema.path("required").values()) {
            ObjectNode sample = sampleTree(type);
            sample.remove(field.asString());
            if (errors(schema, sample).isEmpty()) {
                accepted.add(field.asString());
            }
        }

        assertThat(accepted).as("required fields the schema lets go missing").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_schema_rejects_a_malformed_event_id_time_or_version(EventType type) {
        ObjectNode badId = sampleTree(type).put("eventId", "e1a4c2d8");
        ObjectNode badTime = sampleTree(type).put("occurredAt", "20 October 2025 07:11");
        ObjectNode badVersion = sampleTree(type).put("version", 0);

        assertThat(errors(type, badId)).singleElement().asString().contains("eventId");
        assertThat(errors(type, badTime)).singleElement().asString().contains("occurredAt");
        assertThat(errors(type, badVersion)).singleElement().asString().contains("version");
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"INCIDENT_OPENED", "INCIDENT_UPDATED", "INCIDENT_RESOLVED", "INCIDENT_REOPENED", "POSTMORTEM_PUBLISHED",
            "INCIDENT_PUBLISHED", "INCIDENT_EDITED", "INCIDENT_UPDATE_EDITED"})
    void an_incident_schema_rejects_a_status_or_impact_that_is_not_a_wire_name(EventType type) {
        ObjectNode badStatus = sampleTree(type);
        ((ObjectNode) badStatus.path("incident")).put("status", "RESOLVED");
        ObjectNode badImpact = sampleTree(type);
        ((ObjectNode) badImpact.path("incident")).put("impact", "severe");
        ObjectNode badComponentStatus = sampleTree(type);
        ((ObjectNode) badComponentStatus.path("incident").path("components").get(0)).put("status", "down");

        assertThat(errors(type, badStatus)).isNotEmpty();
        assertThat(errors(type, badImpact)).isNotEmpty();
        assertThat(errors(type, badComponentStatus)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"INCIDENT_OPENED", "INCIDENT_UPDATED", "INCIDENT_RESOLVED", "INCIDENT_REOPENED",
            "POSTMORTEM_PUBLISHED"})
    void a_sample_written_before_visibility_and_actor_decodes_as_public_without_an_actor(EventType type) throws UndecodableEvent {
        ObjectNode oldShape = sampleTree(type);
        oldShape.remove("actor");
        oldShape.withObjectProperty("incident").remove("visibility");

        IncidentEvent decoded = (IncidentEvent) codec.decode(type.wireName(), JSON.writeValueAsBytes(oldShape));

        assertThat(errors(type, oldShape)).isEmpty();
        assertThat(decoded.incident().visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(decoded.actor()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"COMPONENT_DEFINED", "COMPONENT_STATUS_CHANGED", "MAINTENANCE_SCHEDULED",
            "MAINTENANCE_UPDATED", "MAINTENANCE_REMINDER", "MAINTENANCE_STARTED", "MAINTENANCE_COMPLETED", "MAINTENANCE_CANCELLED"})
    void a_component_or_maintenance_sample_written_before_actors_decodes_without_an_actor(EventType type) throws UndecodableEvent {
        ObjectNode oldShape = sampleTree(type);
        oldShape.remove("actor");

        SitrepEvent decoded = codec.decode(type.wireName(), JSON.writeValueAsBytes(oldShape));

        assertThat(errors(type, oldShape)).isEmpty();
        assertThat(decoded).isEqualTo(actorless(EuWestOutage.of(type)));
        assertThat(sampleTree(type).path("actor").asString()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"COMPONENT_DEFINED", "COMPONENT_STATUS_CHANGED"})
    void a_component_sample_written_before_positions_decodes_without_a_position(EventType type) throws UndecodableEvent {
        ObjectNode oldShape = sampleTree(type);
        oldShape.withObjectProperty("component").remove("position");

        ComponentEvent decoded = (ComponentEvent) codec.decode(type.wireName(), JSON.writeValueAsBytes(oldShape));

        assertThat(errors(type, oldShape)).isEmpty();
        assertThat(decoded.component().position()).isNull();
        assertThat(decoded.component().name()).isEqualTo(((ComponentEvent) EuWestOutage.of(type)).component().name());
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"COMPONENT_DEFINED", "COMPONENT_STATUS_CHANGED"})
    void a_component_schema_rejects_a_position_outside_0_to_10000(EventType type) {
        ObjectNode negative = sampleTree(type);
        negative.withObjectProperty("component").put("position", -1);
        ObjectNode tooLarge = sampleTree(type);
        tooLarge.withObjectProperty("component").put("position", 10001);
        ObjectNode notANumber = sampleTree(type);
        notANumber.withObjectProperty("component").put("position", "first");

        assertThat(errors(type, negative)).anySatisfy(error -> assertThat(error).contains("position"));
        assertThat(errors(type, tooLarge)).anySatisfy(error -> assertThat(error).contains("position"));
        assertThat(errors(type, notANumber)).anySatisfy(error -> assertThat(error).contains("position"));
    }

    private static SitrepEvent actorless(SitrepEvent event) {
        if (event instanceof ComponentEvent component) {
            return component.withActor(null);
        }
        return event instanceof MaintenanceEvent maintenance ? maintenance.withActor(null) : event;
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"INCIDENT_OPENED", "INCIDENT_UPDATED", "INCIDENT_RESOLVED", "INCIDENT_REOPENED",
            "POSTMORTEM_PUBLISHED", "INCIDENT_PUBLISHED", "INCIDENT_EDITED", "INCIDENT_UPDATE_EDITED", "INCIDENT_DELETED"})
    void an_incident_schema_rejects_a_visibility_that_is_not_a_wire_name(EventType type) {
        ObjectNode sample = sampleTree(type);
        sample.withObjectProperty("incident").put("visibility", "private");

        assertThat(errors(type, sample)).isNotEmpty();
    }

    @Test
    void the_update_edited_schema_rejects_a_first_revision() {
        ObjectNode sample = sampleTree(EventType.INCIDENT_UPDATE_EDITED).put("revision", 1);

        assertThat(errors(EventType.INCIDENT_UPDATE_EDITED, sample)).anySatisfy(error -> assertThat(error).contains("revision"));
    }

    @Test
    void the_published_schema_rejects_an_incident_that_is_still_internal() {
        ObjectNode sample = sampleTree(EventType.INCIDENT_PUBLISHED);
        sample.withObjectProperty("incident").put("visibility", "internal");

        assertThat(errors(EventType.INCIDENT_PUBLISHED, sample)).anySatisfy(error -> assertThat(error).contains("visibility"));
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"COMPONENT_DEFINED", "COMPONENT_STATUS_CHANGED"})
    void a_component_schema_rejects_a_status_that_is_not_a_wire_name(EventType type) {
        ObjectNode sample = sampleTree(type);
        ((ObjectNode) sample.path("component")).put("status", "major outage");

        List<String> errors = errors(type, sample);

        assertThat(errors).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"INCIDENT_UPDATED", "INCIDENT_RESOLVED", "INCIDENT_REOPENED"})
    void only_the_opening_update_may_lack_a_previous_status_and_impact(EventType type) {
        ObjectNode sample = sampleTree(type);
        ((ObjectNode) sample.path("update")).putNull("previousStatus").putNull("previousImpact");
        ObjectNode opening = sampleTree(EventType.INCIDENT_OPENED);
        ((ObjectNode) opening.path("update")).put("previousStatus", "investigating");

        assertThat(errors(type, sample))
                .anySatisfy(error -> assertThat(error).contains("previousStatus"))
                .anySatisfy(error -> assertThat(error).contains("previousImpact"));
        assertThat(errors(EventType.INCIDENT_OPENED, opening)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"INCIDENT_OPENED", "INCIDENT_UPDATED", "INCIDENT_REOPENED"})
    void the_resolved_schema_rejects_an_incident_that_is_still_open(EventType openType) {
        ObjectNode open = sampleTree(EventType.INCIDENT_RESOLVED);
        ObjectNode openIncident = sampleTree(openType).withObjectProperty("incident");
        open.set("incident", openIncident);

        List<String> errors = errors(EventType.INCIDENT_RESOLVED, open);

        assertThat(errors).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"INCIDENT_RESOLVED", "POSTMORTEM_PUBLISHED"})
    void the_reopened_schema_rejects_an_incident_that_is_still_resolved(EventType resolvedType) {
        ObjectNode reopened = sampleTree(EventType.INCIDENT_REOPENED);
        reopened.set("incident", sampleTree(resolvedType).withObjectProperty("incident"));

        List<String> errors = errors(EventType.INCIDENT_REOPENED, reopened);

        assertThat(errors).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"MAINTENANCE_SCHEDULED", "MAINTENANCE_UPDATED", "MAINTENANCE_REMINDER",
            "MAINTENANCE_STARTED", "MAINTENANCE_COMPLETED", "MAINTENANCE_CANCELLED"})
    void a_maintenance_schema_rejects_a_status_or_reminder_that_is_not_on_the_wire(EventType type) {
        ObjectNode badStatus = sampleTree(type);
        badStatus.withObjectProperty("maintenance").put("status", "IN_PROGRESS");
        ObjectNode badReminder = sampleTree(type);
        badReminder.withObjectProperty("maintenance").put("remindBefore", 3600);
        ObjectNode badWindow = sampleTree(type);
        badWindow.withObjectProperty("maintenance").put("scheduledFor", "9 November 2025 03:00");

        assertThat(errors(type, badStatus)).isNotEmpty();
        assertThat(errors(type, badReminder)).anySatisfy(error -> assertThat(error).contains("remindBefore"));
        assertThat(errors(type, badWindow)).anySatisfy(error -> assertThat(error).contains("scheduledFor"));
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"MAINTENANCE_SCHEDULED", "MAINTENANCE_UPDATED", "MAINTENANCE_REMINDER",
            "MAINTENANCE_STARTED", "MAINTENANCE_COMPLETED", "MAINTENANCE_CANCELLED"})
    void a_maintenance_reminder_lead_is_an_iso_8601_duration_on_the_wire(EventType type) throws UndecodableEvent {
        JsonNode encoded = JSON.readTree(codec.encode(EuWestOutage.of(type)));
        MaintenanceSnapshot decoded = ((MaintenanceEvent) codec.decode(type.wireName(), GoldenSamples.sample(type))).maintenance();

        JsonNode remindBefore = encoded.path("maintenance").path("remindBefore");

        if (decoded.remindBefore() == null) {
            assertThat(remindBefore.isNull()).isTrue();
        } else {
            assertThat(remindBefore.asString()).isEqualTo("PT1H");
            assertThat(decoded.remindBefore()).isEqualTo(Duration.ofHours(1));
        }
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"MAINTENANCE_UPDATED", "MAINTENANCE_STARTED", "MAINTENANCE_COMPLETED", "MAINTENANCE_CANCELLED"})
    void only_the_scheduling_update_of_a_maintenance_may_lack_a_previous_status(EventType type) {
        ObjectNode sample = sampleTree(type);
        sample.withObjectProperty("update").putNull("previousStatus");
        ObjectNode scheduling = sampleTree(EventType.MAINTENANCE_SCHEDULED);
        scheduling.withObjectProperty("update").put("previousStatus", "scheduled");

        assertThat(errors(type, sample)).anySatisfy(error -> assertThat(error).contains("previousStatus"));
        assertThat(errors(EventType.MAINTENANCE_SCHEDULED, scheduling)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"MAINTENANCE_SCHEDULED", "MAINTENANCE_STARTED", "MAINTENANCE_COMPLETED", "MAINTENANCE_CANCELLED"})
    void a_maintenance_transition_requires_its_update(EventType type) {
        ObjectNode sample = sampleTree(type);
        sample.putNull("update");

        assertThat(errors(type, sample)).isNotEmpty();
    }

    @Test
    void an_update_of_a_maintenance_may_carry_no_message_when_only_the_window_changed() throws UndecodableEvent {
        ObjectNode rescheduled = sampleTree(EventType.MAINTENANCE_UPDATED);
        rescheduled.putNull("update");

        MaintenanceUpdated decoded = (MaintenanceUpdated) codec.decode(EventType.MAINTENANCE_UPDATED.wireName(), JSON.writeValueAsBytes(rescheduled));

        assertThat(errors(EventType.MAINTENANCE_UPDATED, rescheduled)).isEmpty();
        assertThat(decoded.update()).isNull();
        assertThat(decoded.maintenance().scheduledFor()).isEqualTo(Instant.parse("2025-11-09T03:00:00Z"));
    }

    @Test
    void the_transition_schemas_reject_a_snapshot_in_another_status_or_without_its_times() {
        ObjectNode startedButScheduled = sampleTree(EventType.MAINTENANCE_STARTED);
        startedButScheduled.set("maintenance", sampleTree(EventType.MAINTENANCE_REMINDER).withObjectProperty("maintenance"));
        ObjectNode completedWithoutTime = sampleTree(EventType.MAINTENANCE_COMPLETED);
        completedWithoutTime.withObjectProperty("maintenance").putNull("completedAt");
        ObjectNode cancelledWithoutTime = sampleTree(EventType.MAINTENANCE_CANCELLED);
        cancelledWithoutTime.withObjectProperty("maintenance").putNull("cancelledAt");
        ObjectNode reminderWithoutLead = sampleTree(EventType.MAINTENANCE_REMINDER);
        reminderWithoutLead.withObjectProperty("maintenance").putNull("remindBefore");
        ObjectNode updatedButFinished = sampleTree(EventType.MAINTENANCE_UPDATED);
        updatedButFinished.set("maintenance", sampleTree(EventType.MAINTENANCE_COMPLETED).withObjectProperty("maintenance"));

        assertThat(errors(EventType.MAINTENANCE_STARTED, startedButScheduled)).isNotEmpty();
        assertThat(errors(EventType.MAINTENANCE_COMPLETED, completedWithoutTime)).anySatisfy(error -> assertThat(error).contains("completedAt"));
        assertThat(errors(EventType.MAINTENANCE_CANCELLED, cancelledWithoutTime)).anySatisfy(error -> assertThat(error).contains("cancelledAt"));
        assertThat(errors(EventType.MAINTENANCE_REMINDER, reminderWithoutLead)).anySatisfy(error -> assertThat(error).contains("remindBefore"));
        assertThat(errors(EventType.MAINTENANCE_UPDATED, updatedButFinished)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void an_event_belongs_to_the_aggregate_of_its_snapshot(EventType type) {
        SitrepEvent event = EuWestOutage.of(type);

        String snapshotId;
        long snapshotVersion;
        if (event instanceof IncidentEvent incidentEvent) {
            snapshotId = incidentEvent.incident().id().toString();
            snapshotVersion = incidentEvent.incident().version();
        } else if (event instanceof ComponentEvent componentEvent) {
            ComponentSnapshot component = componentEvent.component();
            snapshotId = component.id();
            snapshotVersion = component.version();
        } else if (event instanceof MaintenanceEvent maintenanceEvent) {
            snapshotId = maintenanceEvent.maintenance().id().toString();
            snapshotVersion = maintenanceEvent.maintenance().version();
        } else {
            // A subscription snapshot has no version: its delivery events are numbered by the event alone.
            snapshotId = ((DeliveryEvent) event).subscription().id().toString();
            snapshotVersion = event.version();
        }

        assertThat(event.aggregateId()).isEqualTo(snapshotId);
        assertThat(event.version()).isEqualTo(snapshotVersion);
    }

    private static boolean isNullable(JsonNode propertySchema) {
        JsonNode type = propertySchema.path("type");
        if (type.isArray()) {
            return type.values().stream().anyMatch(t -> t.asString().equals("null"));
        }
        return type.asString("").equals("null");
    }

    private static void assertEnum(JsonNode enumSchema, List<String> wireNames) {
        if (enumSchema.isMissingNode()) {
            return;
        }
        List<String> schemaNames = enumSchema.path("enum").values().stream().map(JsonNode::asString).toList();
        assertThat(schemaNames).as(enumSchema.path("description").asString()).containsExactlyElementsOf(wireNames);
    }
}
