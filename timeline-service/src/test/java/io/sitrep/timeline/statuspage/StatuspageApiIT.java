package io.sitrep.timeline.statuspage;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.timeline.ComponentStory;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.sitrep.timeline.IncidentStory.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Statuspage-compatible public API has Statuspage's paths and documented fields. */
class StatuspageApiIT extends IntegrationTest {

    private static final List<String> PAGE_FIELDS = List.of("id", "name", "url", "time_zone", "updated_at");
    private static final List<String> COMPONENT_FIELDS = List.of("id", "name", "status", "created_at", "updated_at", "position",
            "description", "showcase", "start_date", "group_id", "page_id", "group", "only_show_if_degraded");
    private static final List<String> INCIDENT_FIELDS = List.of("id", "name", "status", "created_at", "updated_at", "monitoring_at",
            "resolved_at", "impact", "shortlink", "started_at", "page_id", "incident_updates", "components");
    private static final List<String> UPDATE_FIELDS = List.of("id", "status", "body", "incident_id", "created_at", "updated_at",
            "display_at", "affected_components", "deliver_notifications", "custom_tweet", "tweet_id");

    private ComponentStory api1;
    private ComponentStory dashboard;
    private IncidentStory open;
    private IncidentStory resolved;

    @BeforeEach
    void anOutage() {
        Instant at = Instant.now().minusSeconds(3600);
        api1 = ComponentStory.fresh("sp-api");
        dashboard = ComponentStory.fresh("sp-dashboard");
        String group = "Group " + UUID.randomUUID();
        open = IncidentStory.of("Statuspage open");
        resolved = IncidentStory.of("Statuspage resolved");
        events.publish(api1.define("Public API", group, at), dashboard.define("Dashboard", group, at),
                api1.status(ComponentStatus.MAJOR_OUTAGE, open.id(), at.plusSeconds(60)));
        events.publish(open.open(Impact.MAJOR, "API down.", change(api1.id(), "Public API", ComponentStatus.MAJOR_OUTAGE,
                        ComponentStatus.OPERATIONAL)),
                open.update(IncidentStatus.MONITORING, Impact.MAJOR, "A fix is out."));
        events.publish(resolved.open(Impact.MINOR, "Slow."), resolved.resolve("Fast again."));
        awaitIncidentVersion(open.id(), 2);
        awaitIncidentVersion(resolved.id(), 2);
        await().atMost(TIMEOUT).until(() -> api.get("/api/v1/components/" + api1.id()).status() == 200
                && api.get("/api/v1/components/" + dashboard.id()).status() == 200
                && api.get("/api/v1/components/" + api1.id()).json().get("status").asString().equals("major_outage"));
        awaitSnapshot();
    }

    @Test
    void summaryHasThePageComponentsUnresolvedIncidentsAndStatus() {
        JsonNode summary = api.get("/api/v2/summary.json").expect(200).json();

        assertThat(summary.propertyNames()).containsExactlyInAnyOrder("page", "components", "incidents", "scheduled_maintenances", "status");
        assertThat(summary.get("page").propertyNames()).containsExactlyInAnyOrderElementsOf(PAGE_FIELDS);
        assertThat(summary.get("page").get("time_zone").asString()).isEqualTo("UTC");
        assertThat(summary.get("scheduled_maintenances").isArray()).isTrue();
        assertThat(summary.get("status").get("indicator").asString()).isIn("none", "minor", "major", "critical");
        assertThat(summary.get("status").get("description").asString()).isNotBlank();
        assertThat(ids(summary.get("incidents"))).contains(open.id().toString()).doesNotContain(resolved.id().toString());
    }

    @Test
    void componentsHaveStatuspagesFieldsAndGroups() {
        JsonNode components = api.get("/api/v2/components.json").expect(200).json().get("components");

        JsonNode component = find(components, api1.id());
        assertThat(component.propertyNames()).containsExactlyInAnyOrderElementsOf(COMPONENT_FIELDS);
        assertThat(component.get("status").asString()).isEqualTo("major_outage");
        assertThat(component.get("group").asBoolean()).isFalse();
        JsonNode group = find(components, component.get("group_id").asString());
        assertThat(group.get("group").asBoolean()).isTrue();
        assertThat(group.get("status").asString()).isEqualTo("major_outage");
        assertThat(group.get("components").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(api1.id(), dashboard.id());
        assertThat(find(components, dashboard.id()).get("group_id").asString()).isEqualTo(group.get("id").asString());
    }

    @Test
    void incidentsHaveStatuspagesFieldsAndUpdatesNewestFirst() {
        JsonNode incidents = api.get("/api/v2/incidents.json").expect(200).json();

        assertThat(incidents.propertyNames()).containsExactlyInAnyOrder("page", "incidents");
        JsonNode incident = find(incidents.get("incidents"), open.id().toString());
        assertThat(incident.propertyNames()).containsExactlyInAnyOrderElementsOf(INCIDENT_FIELDS);
        assertThat(incident.get("status").asString()).isEqualTo("monitoring");
        assertThat(incident.get("impact").asString()).isEqualTo("major");
        assertThat(incident.get("monitoring_at").isNull()).isFalse();
        assertThat(incident.get("shortlink").asString()).endsWith("/incidents/" + open.id());
        JsonNode updates = incident.get("incident_updates");
        assertThat(updates.get(0).propertyNames()).containsExactlyInAnyOrderElementsOf(UPDATE_FIELDS);
        assertThat(updates.valueStream().map(u -> u.get("body").asString())).containsExactly("A fix is out.", "API down.");
        JsonNode affected = updates.get(1).get("affected_components").get(0);
        assertThat(affected.get("code").asString()).isEqualTo(api1.id());
        assertThat(affected.get("old_status").asString()).isEqualTo("operational");
        assertThat(affected.get("new_status").asString()).isEqualTo("major_outage");
        assertThat(incident.get("components").get(0).get("id").asString()).isEqualTo(api1.id());
        assertThat(ids(incidents.get("incidents"))).contains(resolved.id().toString());
    }

    @Test
    void unresolvedListsOnlyOpenIncidentsAndStatusTheIndicator() {
        JsonNode unresolved = api.get("/api/v2/incidents/unresolved.json").expect(200).json();
        JsonNode status = api.get("/api/v2/status.json").expect(200).json();

        assertThat(ids(unresolved.get("incidents"))).contains(open.id().toString()).doesNotContain(resolved.id().toString());
        assertThat(status.propertyNames()).containsExactlyInAnyOrder("page", "status");
        assertThat(status.get("status").get("indicator").asString()).isEqualTo("critical");
    }

    private static List<String> ids(JsonNode items) {
        return items.valueStream().map(item -> item.get("id").asString()).toList();
    }

    private static JsonNode find(JsonNode items, String id) {
        return items.valueStream().filter(item -> item.get("id").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + items));
    }
}
