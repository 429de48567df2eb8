package io.sitrep.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The names enums and event types have on the wire: published once, never renamed. */
class WireNamesTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String SNAKE_CASE = "^[a-z]+(_[a-z]+)*$";

    @ParameterizedTest
    @EnumSource(IncidentStatus.class)
    void every_incident_status_round_trips_through_its_wire_name(IncidentStatus status) {
        String json = JSON.writeValueAsString(status);

        IncidentStatus read = JSON.readValue(json, IncidentStatus.class);

        assertThat(json).isEqualTo("\"" + status.wireName() + "\"");
        assertThat(read).isSameAs(status);
        assertThat(IncidentStatus.fromWireName(status.wireName())).isSameAs(status);
        assertThat(status.wireName()).matches(SNAKE_CASE);
    }

    @ParameterizedTest
    @EnumSource(Impact.class)
    void every_impact_round_trips_through_its_wire_name(Impact impact) {
        String json = JSON.writeValueAsString(impact);

        Impact read = JSON.readValue(json, Impact.class);

        assertThat(json).isEqualTo("\"" + impact.wireName() + "\"");
        assertThat(read).isSameAs(impact);
        assertThat(Impact.fromWireName(impact.wireName())).isSameAs(impact);
        assertThat(impact.wireName()).matches(SNAKE_CASE);
    }

    @ParameterizedTest
    @EnumSource(ComponentStatus.class)
    void every_component_status_round_trips_through_its_wire_name(ComponentStatus status) {
        String json = JSON.writeValueAsString(status);

        ComponentStatus read = JSON.readValue(json, ComponentStatus.class);

        assertThat(json).isEqualTo("\"" + status.wireName() + "\"");
        assertThat(read).isSameAs(status);
        assertThat(ComponentStatus.fromWireName(status.wireName())).isSameAs(status);
        assertThat(status.wireName()).matches(SNAKE_CASE);
    }

    @Test
    void the_published_wire_names_do_not_change() {
        List<String> incidentStatuses = Arrays.stream(IncidentStatus.values()).map(IncidentStatus::wireName).toList();
        List<String> impacts = Arrays.stream(Impact.values()).map(Impact::wireName).toList();
        List<String> componentStatuses = Arrays.stream(ComponentStatus.values()).map(ComponentStatus::wireName).toList();
        List<String> eventTypes = Arrays.stream(EventType.values()).map(EventType::wireName).toList();

        assertThat(incidentStatuses).containsExactly("investigating", "identified", "monitoring", "resolved");
        assertThat(impacts).containsExactly("none", "minor", "major", "critical");
        assertThat(componentStatuses).containsExactly(
                "operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance");
        assertThat(eventTypes).containsExactly(
                "incident.opened", "incident.updated", "incident.resolved", "incident.reopened",
                "postmortem.published", "component.defined", "component.status_changed",
                "delivery.failing", "delivery.exhausted", "delivery.recovered", "subscription.disabled",
                "maintenance.scheduled", "maintenance.updated", "maintenance.reminder", "maintenance.started",
                "maintenance.completed", "maintenance.cancelled", "incident.published", "incident.edited",
                "incident.update_edited", "incident.deleted");
        assertThat(Arrays.stream(Visibility.values()).map(Visibility::wireName)).containsExactly("public", "internal");
        assertThat(Arrays.stream(MaintenanceStatus.values()).map(MaintenanceStatus::wireName))
                .containsExactly("scheduled", "in_progress", "verifying", "completed", "cancelled");
    }

    @ParameterizedTest
    @EnumSource(MaintenanceStatus.class)
    void every_maintenance_status_round_trips_through_its_wire_name(MaintenanceStatus status) {
        String json = JSON.writeValueAsString(status);

        MaintenanceStatus read = JSON.readValue(json, MaintenanceStatus.class);

        assertThat(json).isEqualTo("\"" + status.wireName() + "\"");
        assertThat(read).isSameAs(status);
        assertThat(MaintenanceStatus.fromWireName(status.wireName())).isSameAs(status);
        assertThat(status.wireName()).matches(SNAKE_CASE);
    }

    @Test
    void a_maintenance_is_active_while_in_progress_or_verifying_and_finished_when_completed_or_cancelled() {
        List<MaintenanceStatus> active = Arrays.stream(MaintenanceStatus.values()).filter(MaintenanceStatus::isActive).toList();
        List<MaintenanceStatus> finished = Arrays.stream(MaintenanceStatus.values()).filter(MaintenanceStatus::isFinished).toList();

        assertThat(active).containsExactly(MaintenanceStatus.IN_PROGRESS, MaintenanceStatus.VERIFYING);
        assertThat(finished).containsExactly(MaintenanceStatus.COMPLETED, MaintenanceStatus.CANCELLED);
    }

    @Test
    void an_unknown_wire_name_is_refused_with_the_known_ones() {
        String unknown = "on_fire";

        assertThatIllegalArgumentException().isThrownBy(() -> ComponentStatus.fromWireName(unknown))
                .withMessageContaining("'on_fire'").withMessageContaining("major_outage");
        assertThatIllegalArgumentException().isThrownBy(() -> Impact.fromWireName("MAJOR"))
                .withMessageContaining("critical");
        assertThatIllegalArgumentException().isThrownBy(() -> IncidentStatus.fromWireName(null))
                .withMessageContaining("investigating");
    }

    @Test
    void impact_is_at_least_itself_and_every_lesser_impact() {
        List<Impact> increasing = List.of(Impact.NONE, Impact.MINOR, Impact.MAJOR, Impact.CRITICAL);

        for (Impact impact : increasing) {
            for (Impact other : increasing) {
                boolean expected = increasing.indexOf(impact) >= increasing.indexOf(other);

                assertThat(impact.isAtLeast(other)).as("%s.isAtLeast(%s)", impact, other).isEqualTo(expected);
            }
        }
        assertThat(Impact.values()).containsExactlyElementsOf(increasing);
    }

    @Test
    void a_major_incident_notifies_a_subscriber_who_asked_for_major_or_worse() {
        Impact threshold = Impact.MAJOR;

        assertThat(Impact.CRITICAL.isAtLeast(threshold)).isTrue();
        assertThat(Impact.MAJOR.isAtLeast(threshold)).isTrue();
        assertThat(Impact.MINOR.isAtLeast(threshold)).isFalse();
        assertThat(Impact.NONE.isAtLeast(threshold)).isFalse();
    }

    @Test
    void only_a_resolved_incident_is_not_open() {
        List<IncidentStatus> open = Arrays.stream(IncidentStatus.values()).filter(IncidentStatus::isOpen).toList();

        assertThat(open).containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_event_type_is_found_by_its_wire_name_and_names_a_versioned_schema(EventType type) {
        String wireName = type.wireName();

        assertThat(EventType.fromWireName(wireName)).contains(type);
        assertThat(type.dataSchema()).isEqualTo("urn:sitrep:events:" + wireName + ":v" + type.schemaVersion());
        assertThat(type.schemaVersion()).isPositive();
        assertThat(EuWestOutage.of(type)).isInstanceOf(type.recordType());
        assertThat(EuWestOutage.of(type).type()).isSameAs(type);
    }

    @Test
    void an_unknown_or_differently_cased_wire_name_is_no_event_type() {
        assertThat(EventType.fromWireName("incident.exploded")).isEmpty();
        assertThat(EventType.fromWireName("Incident.Opened")).isEmpty();
        assertThat(EventType.fromWireName("INCIDENT_OPENED")).isEmpty();
        assertThat(EventType.fromWireName(null)).isEmpty();
    }
}
