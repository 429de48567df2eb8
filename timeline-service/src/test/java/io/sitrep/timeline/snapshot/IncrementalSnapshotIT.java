package io.sitrep.timeline.snapshot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * issue 16 (read storm): a snapshot's build costs what the batch before it changed. Each incident's card, article, JSON,
 * feed entry and updates are kept by what they were rendered from, and only the incidents a batch touched are rendered
 * again; every other incident's bytes are taken over as they were.
 */
class IncrementalSnapshotIT extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private MeterRegistry registry;

    @Test
    void aBuildAfterABatchThatTouchesOneIncidentRendersOnlyThatIncidentAndItsNewUpdate() {
        String run = UUID.randomUUID().toString();
        List<IncidentStory> stories = List.of(IncidentStory.of("Kept A " + run), IncidentStory.of("Kept B " + run), IncidentStory.of("Kept C " + run));
        for (IncidentStory story : stories) {
            events.publish(story.open(Impact.MINOR, "Looking into it."), story.update(IncidentStatus.IDENTIFIED, Impact.MINOR, "Found it."));
        }
        stories.forEach(story -> awaitIncidentVersion(story.id(), 2));
        awaitSnapshot();
        IncidentStory touched = stories.get(1);
        UUID untouched = stories.get(0).id();
        PublicDocument untouchedArticle = snapshots.current().document("/fragments/incidents/" + untouched).orElseThrow();
        Map<String, Double> before = rendered();

        events.publish(touched.update(IncidentStatus.MONITORING, Impact.MINOR, "A fix is out " + run + "."));
        awaitIncidentVersion(touched.id(), 3);
        awaitSnapshot();

        Map<String, Double> built = since(before);
        PublicSnapshot after = snapshots.current();
        assertThat(new String(after.document("/").orElseThrow().body(), StandardCharsets.UTF_8)).contains("A fix is out " + run + ".");
        assertThat(new String(after.document("/api/v2/summary.json").orElseThrow().body(), StandardCharsets.UTF_8)).contains("A fix is out " + run);
        assertThat(after.document("/fragments/incidents/" + untouched).orElseThrow()).as("an untouched incident's article").isSameAs(untouchedArticle);
        // One new update, rendered once for each kind of document; the incident again, once for each form it takes: on the
        // page, on its own page and in its month of the history (the page's cards); in /api/v2; in the Atom feeds and in RSS.
        assertThat(built).containsEntry("page.update", 1.0).containsEntry("api.update", 1.0).containsEntry("feed.update", 1.0)
                .containsEntry("page.card", 3.0).containsEntry("api.incident", 1.0)
                .containsEntry("feed.atom.entry", 1.0).containsEntry("feed.rss.item", 1.0);
    }

    @Test
    void anIncidentPageKeepsItsEntityTagWhenAnotherIncidentChangesAndAChangedOneGetsANewOne() throws Exception {
        // issue 16 (read storm, sixth round): every build stamped every page with its "As of", so an incident page nobody
        // changed got new bytes, a new tag and a full answer for every reader revalidating it, on every build.
        String run = UUID.randomUUID().toString();
        IncidentStory still = IncidentStory.of("Still " + run);
        IncidentStory moving = IncidentStory.of("Moving " + run);
        events.publish(still.open(Impact.MINOR, "Looking into it."), moving.open(Impact.MINOR, "Looking into it."));
        awaitIncidentVersion(still.id(), 1);
        awaitIncidentVersion(moving.id(), 1);
        awaitSnapshot();
        PublicDocument stillPage = snapshots.current().document("/incidents/" + still.id()).orElseThrow();
        PublicDocument movingPage = snapshots.current().document("/incidents/" + moving.id()).orElseThrow();

        events.publish(moving.update(IncidentStatus.IDENTIFIED, Impact.MINOR, "Found it " + run + "."));
        awaitIncidentVersion(moving.id(), 2);
        awaitSnapshot();

        PublicSnapshot after = snapshots.current();
        PublicDocument stillAfter = after.document("/incidents/" + still.id()).orElseThrow();
        PublicDocument movingAfter = after.document("/incidents/" + moving.id()).orElseThrow();
        assertThat(stillAfter).as("the unchanged incident's page").isSameAs(stillPage);
        assertThat(stillAfter.etag()).isEqualTo(stillPage.etag());
        assertThat(get("/incidents/" + still.id(), "If-None-Match", stillPage.etag()).statusCode()).isEqualTo(304);
        assertThat(movingAfter.etag()).as("the changed incident's page").isNotEqualTo(movingPage.etag());
        String moved = new String(movingAfter.body(), StandardCharsets.UTF_8);
        assertThat(moved).contains("Found it " + run + ".")
                .contains("Updated <time class=\"updated\" datetime=\"" + movingAfter.lastModified() + "\"");
        assertThat(get("/incidents/" + moving.id(), "If-None-Match", movingPage.etag()).statusCode()).isEqualTo(200);
    }

    @Test
    void theStatusPageKeepsItsEntityTagAcrossABuildThatChangesNothingItShows() {
        // issue 16 (read storm, sixth round): "As of" gave / new bytes on every build, so revalidating readers got a full
        // answer after each build, although nothing on the page had changed. The uptime bars follow the clock (today's
        // minutes and percentages), so a pair of builds between which a bar moved shows something new and is passed over.
        awaitSnapshot();
        PublicSnapshot before = snapshots.current();
        PublicSnapshot after = before;
        for (int builds = 0; builds < 20; builds++) {
            before = snapshots.current();

            awaitSnapshot();

            after = snapshots.current();
            if (after.document("/fragments/components").orElseThrow() == before.document("/fragments/components").orElseThrow()) {
                break;
            }
        }

        assertThat(after.version()).isGreaterThan(before.version());
        assertThat(after.document("/fragments/components").orElseThrow()).as("the bars, in 20 pairs of builds")
                .isSameAs(before.document("/fragments/components").orElseThrow());
        assertThat(after.document("/fragments/summary").orElseThrow()).isSameAs(before.document("/fragments/summary").orElseThrow());
        assertThat(after.document("/").orElseThrow()).as("the status page").isSameAs(before.document("/").orElseThrow());
        assertThat(after.document("/").orElseThrow().etag()).isEqualTo(before.document("/").orElseThrow().etag());
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** What the builds have rendered so far, by part. */
    private Map<String, Double> rendered() {
        Map<String, Double> rendered = new TreeMap<>();
        for (Counter counter : registry.find(KeptFragments.RENDERED).counters()) {
            rendered.put(counter.getId().getTag("part"), counter.count());
        }
        return rendered;
    }

    private Map<String, Double> since(Map<String, Double> before) {
        Map<String, Double> since = new TreeMap<>();
        rendered().forEach((part, count) -> since.put(part, count - before.getOrDefault(part, 0.0)));
        return since;
    }
}
