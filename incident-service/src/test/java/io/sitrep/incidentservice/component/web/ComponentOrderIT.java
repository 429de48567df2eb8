package io.sitrep.incidentservice.component.web;

import io.sitrep.events.ComponentDefined;
import io.sitrep.events.ComponentEvent;
import io.sitrep.events.ComponentStatusChanged;
import io.sitrep.incidentservice.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18: components carry a position that orders them within their group, and groups by their lowest one. */
class ComponentOrderIT extends IntegrationTest {

    @Test
    void aPositionIsAcceptedAnsweredOnReadsAndCarriedInTheComponentsEvents() {
        String id = freshComponentId("api");

        JsonNode created = api.put("/api/v1/components/" + id, "{\"name\":\"Public API\",\"group\":\"Core\",\"position\":7}")
                .expect(201).json();
        api.put("/api/v1/components/" + id, "{\"name\":\"Public API\",\"group\":\"Core\",\"position\":3}").expect(200);
        api.patch("/api/v1/components/" + id, "{\"status\":\"degraded_performance\"}").expect(200);

        List<ComponentEvent> events = awaitEvents(id, 3).stream().map(r -> (ComponentEvent) decode(r)).toList();
        assertThat(created.get("position").asInt()).isEqualTo(7);
        assertThat(api.get("/api/v1/components/" + id).expect(200).json().get("position").asInt()).isEqualTo(3);
        assertThat(events.get(0)).isInstanceOf(ComponentDefined.class);
        assertThat(events.get(1)).isInstanceOf(ComponentDefined.class);
        assertThat(events.get(2)).isInstanceOf(ComponentStatusChanged.class);
        assertThat(events).extracting(event -> event.component().position()).containsExactly(7, 3, 3);
    }

    @Test
    void aComponentWithoutAPositionIsUnorderedAndMovingItAloneIsAChange() {
        String id = freshComponentId("search");
        api.put("/api/v1/components/" + id, "{\"name\":\"Search\"}").expect(201);

        JsonNode unordered = api.get("/api/v1/components/" + id).expect(200).json();
        JsonNode moved = api.put("/api/v1/components/" + id, "{\"name\":\"Search\",\"position\":0}").expect(200).json();

        List<ComponentEvent> events = awaitEvents(id, 2).stream().map(r -> (ComponentEvent) decode(r)).toList();
        assertThat(unordered.get("position").isNull()).isTrue();
        assertThat(moved.get("position").asInt()).isZero();
        assertThat(moved.get("version").asLong()).isEqualTo(2);
        assertThat(events.get(0).component().position()).isNull();
        assertThat(events.get(1).component().position()).isZero();
    }

    @Test
    void aPositionOutsideZeroToTenThousandOrNotAWholeNumberIsRefusedNamingTheField() {
        String id = freshComponentId("cdn");

        JsonNode negative = api.put("/api/v1/components/" + id, "{\"name\":\"CDN\",\"position\":-1}").expectProblem(400, "validation-failed");
        JsonNode tooLarge = api.put("/api/v1/components/" + id, "{\"name\":\"CDN\",\"position\":10001}").expectProblem(400, "validation-failed");
        JsonNode text = api.put("/api/v1/components/" + id, "{\"name\":\"CDN\",\"position\":\"first\"}").expectProblem(400, "malformed-request");

        assertThat(negative.get("errors").get(0).get("field").asString()).isEqualTo("position");
        assertThat(tooLarge.get("errors").get(0).get("field").asString()).isEqualTo("position");
        assertThat(text.get("errors").get(0).get("field").asString()).isEqualTo("position");
        api.get("/api/v1/components/" + id).expect(404);
        api.put("/api/v1/components/" + id, "{\"name\":\"CDN\",\"position\":10000}").expect(201);
    }

    @Test
    void theListIsByGroupAtItsLowestPositionThenByPositionWithUnorderedOnesLastThenByName() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String late = "A late group " + run;
        String early = "Z early group " + run;
        String unordered = "M unordered group " + run;
        define("late-b", late, 20);
        define("late-a", late, null);
        define("late-c", late, 10);
        define("early-z", early, 5);
        define("early-y", early, null);
        define("early-x", early, null);
        define("none-b", unordered, null);
        define("none-a", unordered, null);
        List<String> groups = List.of(late, early, unordered);

        List<String> listed = api.get("/api/v1/components").expect(200).json().get("items").valueStream()
                .filter(item -> groups.contains(item.path("group").asString()))
                .map(item -> item.get("name").asString())
                .toList();

        assertThat(listed).containsExactly("early-z", "early-x", "early-y", "late-c", "late-b", "late-a", "none-a", "none-b");
    }

    private void define(String name, String group, Integer position) {
        String body = position == null
                ? "{\"name\":\"%s\",\"group\":\"%s\"}".formatted(name, group)
                : "{\"name\":\"%s\",\"group\":\"%s\",\"position\":%d}".formatted(name, group, position);
        api.put("/api/v1/components/" + freshComponentId(name), body).expect(201);
    }
}
