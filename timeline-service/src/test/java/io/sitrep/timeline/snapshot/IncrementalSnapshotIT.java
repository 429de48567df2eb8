package io.sitrep.timeline.snapshot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
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
