package io.sitrep.timeline.component;

import io.sitrep.timeline.ComponentStory;
import io.sitrep.timeline.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18: the positions component events carry order the page, {@code /api/v1/components} and the Statuspage
 * components: a group at the lowest position among its members, then by position (unordered ones last), then by name.
 */
class ComponentOrderIT extends IntegrationTest {

    @Test
    void thePageAndBothApisListComponentsByGroupPositionThenPositionThenName() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String late = "A late group " + run;
        String early = "Z early group " + run;
        Instant at = Instant.now().minusSeconds(600);
        ComponentStory lateB = ComponentStory.fresh("late-b");
        ComponentStory lateA = ComponentStory.fresh("late-a");
        ComponentStory lateC = ComponentStory.fresh("late-c");
        ComponentStory earlyZ = ComponentStory.fresh("early-z");
        ComponentStory earlyY = ComponentStory.fresh("early-y");
        ComponentStory earlyX = ComponentStory.fresh("early-x");
        events.publish(lateB.define("Late B " + run, late, 20, at), lateA.define("Late A " + run, late, null, at),
                lateC.define("Late C " + run, late, 30, at), earlyZ.define("Early Z " + run, early, 5, at),
                earlyY.define("Early Y " + run, early, null, at), earlyX.define("Early X " + run, early, null, at),
                // Moved after its first definition: the latest event's position counts.
                lateC.define("Late C " + run, late, 10, at.plusSeconds(1)));
        List<String> expected = List.of(earlyZ.id(), earlyX.id(), earlyY.id(), lateC.id(), lateB.id(), lateA.id());
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(listedIds(expected)).containsExactlyElementsOf(expected));
        awaitSnapshot();

        JsonNode listedC = api.get("/api/v1/components/" + lateC.id()).expect(200).json();
        String page = api.get("/").expect(200).body();
        JsonNode statuspage = api.get("/api/v2/components.json").expect(200).json().get("components");

        assertThat(listedC.get("position").asInt()).isEqualTo(10);
        assertThat(api.get("/api/v1/components/" + lateA.id()).expect(200).json().get("position").isNull()).isTrue();
        assertThat(page.indexOf("<h3>" + early + "</h3>")).isPositive().isLessThan(page.indexOf("<h3>" + late + "</h3>"));
        assertThat(expected.stream().map(id -> page.indexOf("id=\"component-" + id + "\"")).toList())
                .allSatisfy(index -> assertThat(index).isPositive())
                .isSorted();
        JsonNode earlyGroup = find(statuspage, find(statuspage, earlyZ.id()).get("group_id").asString());
        JsonNode lateGroup = find(statuspage, find(statuspage, lateC.id()).get("group_id").asString());
        assertThat(earlyGroup.get("position").asInt()).isLessThan(lateGroup.get("position").asInt());
        assertThat(List.of(earlyZ, earlyX, earlyY, lateC, lateB, lateA).stream()
                .map(story -> find(statuspage, story.id()).get("position").asInt()).toList())
                .containsExactly(1, 2, 3, 1, 2, 3);
    }

    /** The ids of {@code /api/v1/components} that are among {@code ours}, in the order listed. */
    private List<String> listedIds(List<String> ours) {
        return api.get("/api/v1/components").expect(200).json().get("items").valueStream()
                .map(item -> item.get("id").asString())
                .filter(ours::contains)
                .toList();
    }

    private static JsonNode find(JsonNode items, String id) {
        return items.valueStream().filter(item -> item.get("id").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + items));
    }
}
