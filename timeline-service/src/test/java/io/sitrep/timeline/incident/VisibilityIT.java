package io.sitrep.timeline.incident;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentPublished;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import io.sitrep.timeline.SseClient;
import io.sitrep.testsupport.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13: an internal incident (an alert's) reaches no public surface — the status page, its incident page, the
 * public JSON, /api/v2, the feed, the stream — while callers with a key see it; once published with a customer title
 * it shows everywhere with that title, and what was said while it was internal, and who said it, stays internal.
 */
class VisibilityIT extends IntegrationTest {

    private static final String ALERT_TITLE = "[FIRING:1] PaymentsErrorRate pay-1";
    private static final String ALERT_TEXT = "5xx ratio 0.31 on pay-1.internal";

    private List<String> publicSurfaces() {
        return List.of(
                api.get("/").expect(200).body(),
                api.get("/api/v1/incidents").expect(200).body(),
                api.get("/api/v1/incidents?status=open").expect(200).body(),
                api.get("/api/v1/status").expect(200).body(),
                api.get("/api/v2/summary.json").expect(200).body(),
                api.get("/api/v2/incidents.json").expect(200).body(),
                api.get("/api/v2/incidents/unresolved.json").expect(200).body(),
                api.get("/feed.atom").expect(200).body());
    }

    @Test
    void anInternalIncidentIsOnNoPublicSurfaceButCallersWithAKeySeeIt() {
        IncidentStory story = IncidentStory.of(ALERT_TITLE).internal().by("alerts");
        IncidentOpened opened = story.open(Impact.CRITICAL, ALERT_TEXT);
        IncidentUpdated updated = story.update(IncidentStatus.IDENTIFIED, Impact.CRITICAL, "Still " + ALERT_TEXT);
        Api responder = api.as(ADMIN_KEY);

        try (SseClient stream = SseClient.connect(api.baseUrl() + "/api/v1/stream", null)) {
            events.publish(opened, updated);
            IncidentStory marker = IncidentStory.of("Public marker");
            IncidentOpened markerOpened = marker.open(Impact.NONE, "Marks the end.");
            events.publish(markerOpened);

            stream.awaitEvent(markerOpened.eventId().toString(), TIMEOUT);
            JsonNode seen = responderIncident(responder, story, 2);
            assertThat(stream.events()).noneMatch(e -> e.data() != null && e.data().contains(story.id().toString()));
            assertThat(seen.get("visibility").asString()).isEqualTo("internal");
            assertThat(seen.get("timeline").get(0).get("actor").asString()).isEqualTo("alerts");
            assertThat(seen.get("timeline").get(0).get("visibility").asString()).isEqualTo("internal");
            assertThat(responder.get("/api/v1/incidents").expect(200).body()).contains(story.id().toString());
            assertThat(api.get("/api/v1/incidents/" + story.id()).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/incidents/" + story.id() + "/timeline").status()).isEqualTo(404);
            assertThat(api.get("/incidents/" + story.id()).status()).isEqualTo(404);
            awaitIncident(marker.id(), incident -> true);
            assertThat(publicSurfaces()).allSatisfy(body -> assertThat(body)
                    .doesNotContain(story.id().toString()).doesNotContain(ALERT_TITLE).doesNotContain(ALERT_TEXT));
        }
    }

    @Test
    void afterPublishTheIncidentShowsEverywhereWithTheCustomerTitleAndNoAlertTextOrActor() {
        IncidentStory story = IncidentStory.of(ALERT_TITLE).internal().by("alerts");
        IncidentOpened opened = story.open(Impact.MAJOR, ALERT_TEXT);
        IncidentPublished published = story.by("Dana Whitfield").publish("Card payments failing", "Some card payments fail; we are on it.");

        try (SseClient stream = SseClient.connect(api.baseUrl() + "/api/v1/stream", null)) {
            events.publish(opened, published);

            SseClient.Event streamed = stream.awaitEvent(published.eventId().toString(), TIMEOUT);
            JsonNode incident = awaitIncidentVersion(story.id(), 2);
            assertThat(streamed.name()).isEqualTo("incident.published");
            assertThat(streamed.data()).contains("Card payments failing").doesNotContain(ALERT_TITLE).doesNotContain("Dana Whitfield")
                    .doesNotContain("\"actor\"");
            assertThat(stream.events()).noneMatch(e -> opened.eventId().toString().equals(e.id()));
            assertThat(incident.get("title").asString()).isEqualTo("Card payments failing");
            assertThat(incident.get("visibility").asString()).isEqualTo("public");
            assertThat(incident.get("timeline")).singleElement().satisfies(entry -> {
                assertThat(entry.get("message").asString()).isEqualTo("Some card payments fail; we are on it.");
                assertThat(entry.get("type").asString()).isEqualTo("incident.published");
                assertThat(entry.get("actor").isNull()).isTrue();
            });
            String page = api.get("/incidents/" + story.id()).expect(200).body();
            assertThat(page).contains("Card payments failing").contains("Some card payments fail");
            assertThat(publicSurfaces()).allSatisfy(body -> assertThat(body)
                    .doesNotContain(ALERT_TITLE).doesNotContain(ALERT_TEXT).doesNotContain("Dana Whitfield"));
            assertThat(api.get("/").body()).contains("Card payments failing");
            assertThat(api.get("/api/v2/incidents/unresolved.json").body()).contains("Card payments failing");
            assertThat(api.get("/feed.atom").body()).contains("Card payments failing");
            assertThat(page).doesNotContain(ALERT_TEXT).doesNotContain(ALERT_TITLE);
            JsonNode forResponders = api.as(ADMIN_KEY).get("/api/v1/incidents/" + story.id()).expect(200).json();
            assertThat(forResponders.get("timeline")).hasSize(2);
            assertThat(forResponders.get("timeline").get(0).get("message").asString()).isEqualTo(ALERT_TEXT);
            assertThat(forResponders.get("timeline").get(1).get("actor").asString()).isEqualTo("Dana Whitfield");
        }
    }

    @Test
    void anAsOfReadShowsThePublicNothingFromBeforeThePublish() {
        IncidentStory story = IncidentStory.of(ALERT_TITLE).internal();
        IncidentOpened opened = story.open(Impact.MAJOR, ALERT_TEXT);
        IncidentPublished published = story.publish("Slow checkout", "Checkout is slow.");
        events.publish(opened, published);
        awaitIncidentVersion(story.id(), 2);

        int beforePublish = api.get("/api/v1/incidents/" + story.id() + "?asOf=" + opened.publishedAt().plusMillis(1)).status();
        JsonNode afterPublish = api.get("/api/v1/incidents/" + story.id() + "?asOf=" + published.publishedAt().plusMillis(1)).expect(200).json();

        assertThat(beforePublish).isEqualTo(404);
        assertThat(afterPublish.get("title").asString()).isEqualTo("Slow checkout");
        assertThat(afterPublish.toString()).doesNotContain(ALERT_TEXT);
    }

    private JsonNode responderIncident(Api responder, IncidentStory story, long version) {
        JsonNode[] incident = new JsonNode[1];
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            Api.Response response = responder.get("/api/v1/incidents/" + story.id());
            incident[0] = response.status() == 200 ? response.json() : null;
            return incident[0] != null && incident[0].get("version").asLong() >= version;
        });
        return incident[0];
    }
}
