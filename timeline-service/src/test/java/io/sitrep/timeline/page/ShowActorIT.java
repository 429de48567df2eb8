package io.sitrep.timeline.page;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.events.IncidentStatus;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: with {@code sitrep.timeline.page.show-actor} on, the page and {@code /api/v2} name who posted each incident
 * update; the feed, the stream and the public JSON API still do not. Off (the default), no public surface names them:
 * {@code VisibilityIT} pins that.
 */
@TestPropertySource(properties = "sitrep.timeline.page.show-actor=true")
class ShowActorIT extends IntegrationTest {

    @Test
    void thePageAndTheStatuspageApiNameWhoPostedEachUpdate() {
        IncidentStory story = IncidentStory.of("Search slow " + java.util.UUID.randomUUID()).by("Dana Whitfield");
        IncidentOpened opened = story.open(Impact.MINOR, "We are looking into it.");
        IncidentUpdated updated = story.by("Ravi <Menon>").update(IncidentStatus.IDENTIFIED, Impact.MINOR, "Found it.");

        events.publish(opened, updated);

        awaitIncidentVersion(story.id(), 2);
        String page = api.get("/").expect(200).body();
        String incidentPage = api.get("/incidents/" + story.id()).expect(200).body();
        JsonNode incident = api.get("/api/v2/incidents/unresolved.json").expect(200).json().get("incidents").valueStream()
                .filter(i -> i.get("id").asString().equals(story.id().toString())).findFirst().orElseThrow();
        assertThat(page).contains("posted by Dana Whitfield").contains("posted by Ravi &lt;Menon&gt;").doesNotContain("Ravi <Menon>");
        assertThat(incidentPage).contains("posted by Dana Whitfield").contains("posted by Ravi &lt;Menon&gt;");
        assertThat(incident.get("incident_updates").valueStream().map(u -> u.get("posted_by").asString()))
                .containsExactly("Ravi <Menon>", "Dana Whitfield");
        assertThat(api.get("/feed.atom").expect(200).body()).doesNotContain("Dana Whitfield");
        assertThat(api.get("/api/v1/incidents/" + story.id()).expect(200).json().get("timeline").get(0).get("actor").isNull()).isTrue();
    }
}
