package io.sitrep.timeline.incident;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentDeleted;
import io.sitrep.events.IncidentEdited;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentUpdateEdited;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import io.sitrep.timeline.SseClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 13: a rename, a corrected update and a deletion reach the page, the JSON APIs, the feed and the stream. */
class CorrectionsIT extends IntegrationTest {

    private List<String> surfaces(IncidentStory story) {
        return List.of(api.get("/").expect(200).body(), api.get("/api/v1/incidents").expect(200).body(),
                api.get("/api/v2/incidents.json").expect(200).body(), api.get("/api/v2/summary.json").expect(200).body(),
                api.get("/feed.atom").expect(200).body());
    }

    @Test
    void aRenameAndACorrectedUpdateShowEverywhereAndTheOldTextsNowhere() {
        IncidentStory story = IncidentStory.of("Chekout slwo");
        IncidentOpened opened = story.open(Impact.MINOR, "We are lokoing into it.");
        IncidentEdited renamed = story.by("Dana Whitfield").edit("Checkout slow", Impact.MAJOR);
        IncidentUpdateEdited corrected = story.correct(opened.update().id(), "We are lokoing into it.", "We are looking into it.", 2);

        try (SseClient stream = SseClient.connect(api.baseUrl() + "/api/v1/stream", null)) {
            events.publish(opened, renamed, corrected);

            JsonNode incident = awaitIncidentVersion(story.id(), 3);
            SseClient.Event streamed = stream.awaitEvent(corrected.eventId().toString(), java.time.Duration.ofSeconds(30));
            assertThat(incident.get("title").asString()).isEqualTo("Checkout slow");
            assertThat(incident.get("impact").asString()).isEqualTo("major");
            assertThat(incident.get("timeline")).singleElement()
                    .satisfies(entry -> assertThat(entry.get("message").asString()).isEqualTo("We are looking into it."));
            assertThat(streamed.data()).contains("We are looking into it.").doesNotContain("lokoing").doesNotContain("Dana Whitfield");
            assertThat(stream.awaitEvent(renamed.eventId().toString(), java.time.Duration.ofSeconds(5)).data()).doesNotContain("slwo");
            assertThat(api.get("/incidents/" + story.id()).expect(200).body()).contains("Checkout slow").contains("We are looking into it.")
                    .doesNotContain("slwo").doesNotContain("lokoing");
            assertThat(surfaces(story)).allSatisfy(body -> assertThat(body).doesNotContain("slwo").doesNotContain("lokoing"));
            assertThat(api.get("/feed.atom").body()).contains("Checkout slow");
            JsonNode forResponders = api.as(ADMIN_KEY).get("/api/v1/incidents/" + story.id()).expect(200).json();
            assertThat(forResponders.get("timeline").get(0).get("message").asString()).isEqualTo("We are looking into it.");
        }
    }

    @Test
    void aDeletedIncidentDisappearsFromEveryReadAndKeepsItsVersion() {
        IncidentStory story = IncidentStory.of("Test, please ignore " + java.util.UUID.randomUUID());
        IncidentOpened opened = story.open(Impact.NONE, "Testing the console.");
        events.publish(opened);
        awaitIncidentVersion(story.id(), 1);
        IncidentDeleted deleted = story.delete("Opened by mistake");

        events.publish(deleted);

        await().atMost(TIMEOUT).until(() -> api.get("/api/v1/incidents/" + story.id()).status() == 404);
        assertThat(api.as(ADMIN_KEY).get("/api/v1/incidents/" + story.id()).status()).isEqualTo(404);
        assertThat(api.get("/incidents/" + story.id()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/incidents/" + story.id() + "?asOf=" + opened.publishedAt().plusMillis(1)).status()).isEqualTo(404);
        assertThat(surfaces(story)).allSatisfy(body -> assertThat(body).doesNotContain(story.id().toString()).doesNotContain(story.title()));
        assertThat(api.as(ADMIN_KEY).get("/api/v1/incidents").body()).doesNotContain(story.id().toString());
        assertThat(count("SELECT count(*) FROM timeline_entries WHERE incident_id = ?", story.id())).isZero();
        assertThat(count("SELECT count(*) FROM incident_versions WHERE incident_id = ?", story.id())).isZero();
        assertThat(count("SELECT count(*) FROM incidents WHERE id = ? AND visibility = 'deleted' AND title = '' AND version = 2", story.id()))
                .isEqualTo(1);

        // A redelivered opening is older than the tombstone: skipped, so the incident does not come back.
        events.publish(opened);
        IncidentStory marker = IncidentStory.of("After the redelivery");
        events.publish(marker.open(Impact.NONE, "Marks the end."));
        awaitIncidentVersion(marker.id(), 1);
        assertThat(api.get("/api/v1/incidents/" + story.id()).status()).isEqualTo(404);
    }

    // Issue 13: the stream's buffer still held a deleted incident's events, and a client resuming with Last-Event-ID got them again.
    @Test
    void aClientResumingTheStreamIsNotSentADeletedIncidentsEventsAgain() {
        String tag = java.util.UUID.randomUUID().toString();
        IncidentStory before = IncidentStory.of("Before the mistake " + tag);
        IncidentOpened mark = before.open(Impact.NONE, "Marks where the reader left off.");
        IncidentStory story = IncidentStory.of("Opened by mistake " + tag);
        IncidentOpened opened = story.open(Impact.NONE, "Host db-7 is down " + tag);
        IncidentDeleted deleted = story.delete("Opened by mistake");
        try (SseClient live = SseClient.connect(api.baseUrl() + "/api/v1/stream", null)) {
            events.publish(mark);
            events.publish(opened);
            live.awaitEvent(opened.eventId().toString(), TIMEOUT);

            events.publish(deleted);
            live.awaitEvent(deleted.eventId().toString(), TIMEOUT);

            try (SseClient resumed = SseClient.connect(api.baseUrl() + "/api/v1/stream", mark.eventId().toString())) {
                resumed.awaitEvent(deleted.eventId().toString(), TIMEOUT);
                assertThat(resumed.events()).extracting(SseClient.Event::id).doesNotContain(opened.eventId().toString());
                assertThat(resumed.events()).noneMatch(event -> event.data().contains("db-7"));
            }
        }
        assertThat(count("SELECT count(*) FROM stream_events WHERE event_id = ?", opened.eventId())).isZero();
    }
}
