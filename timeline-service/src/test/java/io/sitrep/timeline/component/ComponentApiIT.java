package io.sitrep.timeline.component;

import io.sitrep.events.ComponentStatus;
import io.sitrep.timeline.ComponentStory;
import io.sitrep.timeline.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Component events in: components with group and status, and their daily uptime. */
class ComponentApiIT extends IntegrationTest {

    @Test
    void componentsShowTheirGroupAndCurrentStatus() {
        ComponentStory api1 = ComponentStory.fresh("api");
        ComponentStory dashboard = ComponentStory.fresh("dashboard");
        Instant at = Instant.now().minusSeconds(600);
        events.publish(api1.define("Public API", "EU West", at), dashboard.define("Dashboard", null, at),
                api1.status(ComponentStatus.PARTIAL_OUTAGE, UUID.randomUUID(), at.plusSeconds(60)));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode component = api.get("/api/v1/components/" + api1.id()).expect(200).json();
            assertThat(component.get("status").asString()).isEqualTo("partial_outage");
        });

        JsonNode items = api.get("/api/v1/components").expect(200).json().get("items");
        JsonNode listed = items.valueStream().filter(c -> c.get("id").asString().equals(api1.id())).findFirst().orElseThrow();
        assertThat(listed.get("name").asString()).isEqualTo("Public API");
        assertThat(listed.get("group").asString()).isEqualTo("EU West");
        assertThat(listed.get("status").asString()).isEqualTo("partial_outage");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(api.get("/api/v1/components/" + dashboard.id()).expect(200).json()
                .get("group").isNull()).isTrue());
    }

    @Test
    void uptimeCountsEachDaysMinutesPerStatus() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant threeDaysAgo = today.minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant yesterday = today.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ComponentStory component = ComponentStory.fresh("measured");
        events.publish(component.define("Measured", "Core", threeDaysAgo.plusSeconds(12 * 3600)),
                component.status(ComponentStatus.MAJOR_OUTAGE, null, yesterday.plusSeconds(10 * 3600)),
                component.status(ComponentStatus.DEGRADED_PERFORMANCE, null, yesterday.plusSeconds(11 * 3600)),
                component.status(ComponentStatus.OPERATIONAL, null, yesterday.plusSeconds(13 * 3600)));
        await().atMost(TIMEOUT).until(() -> api.get("/api/v1/components/" + component.id()).status() == 200
                && api.get("/api/v1/components/" + component.id()).json().get("status").asString().equals("operational"));

        JsonNode uptime = api.get("/api/v1/components/" + component.id() + "/uptime?days=5").expect(200).json();

        JsonNode days = uptime.get("days");
        assertThat(days.size()).isEqualTo(5);
        assertThat(days.get(0).get("date").asString()).isEqualTo(today.minusDays(4).toString());
        assertThat(days.get(0).get("uptimePercent").isNull()).isTrue();
        assertThat(days.get(1).get("uptimePercent").asDouble()).isEqualTo(100.0);
        JsonNode outageDay = days.get(3);
        assertThat(outageDay.get("date").asString()).isEqualTo(today.minusDays(1).toString());
        assertThat(outageDay.get("minutes").get("major_outage").asLong()).isEqualTo(60);
        assertThat(outageDay.get("minutes").get("degraded_performance").asLong()).isEqualTo(120);
        assertThat(outageDay.get("uptimePercent").asDouble()).isEqualTo(95.83);
        assertThat(days.get(4).get("uptimePercent").asDouble()).isEqualTo(100.0);
        assertThat(uptime.get("uptimePercent").asDouble()).isBetween(95.83, 100.0);
        assertThat(api.get("/api/v1/components/" + component.id() + "/uptime").expect(200).json().get("days").size()).isEqualTo(90);
    }

    @Test
    void anUnknownComponentIsNotFoundAndBadDaysAreRefused() {
        api.get("/api/v1/components/no-such-component").expectProblem(404, "unknown-component");
        api.get("/api/v1/components/no-such-component/uptime").expectProblem(404, "unknown-component");
        JsonNode problem = api.get("/api/v1/components/x/uptime?days=0").expectProblem(400, "invalid-parameter");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("days");
    }

    // Issue 14: the uptime report counts a component's maintenance minutes as up, and reports them.
    @Test
    void maintenanceMinutesAreReportedButAreNotDowntime() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant yesterday = today.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ComponentStory component = ComponentStory.fresh("maintained");
        events.publish(component.define("Maintained", null, yesterday.minusSeconds(3600)),
                component.status(ComponentStatus.UNDER_MAINTENANCE, null, yesterday.plusSeconds(3 * 3600)),
                component.status(ComponentStatus.OPERATIONAL, null, yesterday.plusSeconds(5 * 3600)));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode days = api.get("/api/v1/components/" + component.id() + "/uptime?days=2").expect(200).json().get("days");

            assertThat(days.get(0).get("date").asString()).isEqualTo(today.minusDays(1).toString());
            assertThat(days.get(0).get("minutes").get("under_maintenance").asLong()).isEqualTo(120);
            assertThat(days.get(0).get("uptimePercent").asDouble()).isEqualTo(100.0);
        });
    }
}
