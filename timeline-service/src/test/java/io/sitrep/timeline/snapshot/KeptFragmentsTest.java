package io.sitrep.timeline.snapshot;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.Visibility;
import io.sitrep.timeline.readmodel.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Parts kept by their inputs: rendered once while the inputs hold, for this build and the next only. */
class KeptFragmentsTest {

    private final List<String> rendered = new ArrayList<>();
    private final KeptFragments<String> kept = new KeptFragments<>();

    @Test
    void rendersEqualInputsOnceWithinABuildAndTheNext() {
        kept.nextBuild();
        String first = kept.get("incident v1", this::render);
        kept.get("incident v1", this::render);

        kept.nextBuild();
        String next = kept.get("incident v1", this::render);

        assertThat(rendered).containsExactly("incident v1");
        assertThat(next).isSameAs(first);
    }

    @Test
    void rendersChangedInputsAgain() {
        kept.nextBuild();
        kept.get("incident v1", this::render);

        kept.nextBuild();
        String changed = kept.get("incident v2", this::render);

        assertThat(rendered).containsExactly("incident v1", "incident v2");
        assertThat(changed).isEqualTo("<incident v2>");
    }

    @Test
    void aTimelineEntryCorrectedUnderItsIdAndVersionIsRenderedAgain() {
        KeptFragments<TimelineEntry> entries = new KeptFragments<>();
        TimelineEntry original = entry("Investigting the checkout errors");
        TimelineEntry corrected = new TimelineEntry(original.id(), original.eventId(), original.type(), original.version(), original.status(),
                null, original.impact(), null, "Investigating the checkout errors", List.of(), original.occurredAt(), original.publishedAt(),
                Visibility.PUBLIC, null);
        entries.nextBuild();
        entries.get(original, TimelineEntry::message);

        entries.nextBuild();
        String after = entries.get(corrected, TimelineEntry::message);

        assertThat(corrected.hashCode()).isEqualTo(original.hashCode());
        assertThat(after).isEqualTo("Investigating the checkout errors");
        assertThat(entries.rendered()).isEqualTo(2);
    }

    private static TimelineEntry entry(String message) {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        return new TimelineEntry(UUID.randomUUID(), UUID.randomUUID(), "incident.opened", 1, IncidentStatus.INVESTIGATING, null, Impact.MAJOR,
                null, message, List.of(), at, at, Visibility.PUBLIC, null);
    }

    @Test
    void letsGoOfPartsTheLastBuildDidNotUse() {
        kept.nextBuild();
        kept.get("incident v1", this::render);
        kept.nextBuild();
        kept.nextBuild();

        kept.get("incident v1", this::render);

        assertThat(rendered).containsExactly("incident v1", "incident v1");
    }

    /** issue 16 (read storm): an older incident's page rendered on request must not grow what the builds keep. */
    @Test
    void aPartAskedForOutsideABuildIsTakenWhenKeptAndOtherwiseRenderedWithoutKeepingIt() {
        kept.nextBuild();
        String built = kept.get("incident v1", this::render);

        String taken = kept.peek("incident v1", this::render);
        kept.peek("older incident", this::render);
        kept.peek("older incident", this::render);

        assertThat(taken).isSameAs(built);
        assertThat(rendered).containsExactly("incident v1", "older incident", "older incident");
        assertThat(kept.rendered()).as("renderings a build made").isEqualTo(1);
    }

    /** issue 16 (read storm): an incident unchanged for two builds lost its updates' parts, and its next change rendered them all. */
    @Test
    void aPartTakenOverKeepsThePartsItWasAssembledFromForWhenItChanges() {
        KeptFragments<String> updates = new KeptFragments<>();
        updates.nextBuild();
        kept.nextBuild();
        kept.get("incident v1", incident -> updates.get("update 1", this::render));
        for (int build = 0; build < 3; build++) {
            updates.nextBuild();
            kept.nextBuild();
            kept.get("incident v1", this::render, taken -> updates.retain("update 1"));
        }
        updates.nextBuild();
        kept.nextBuild();

        kept.get("incident v2", incident -> updates.get("update 1", this::render) + updates.get("update 2", this::render));

        assertThat(rendered).containsExactly("update 1", "update 2");
    }

    @Test
    void countsWhatABuildRenderedInItsMetric() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KeptFragments<String> counted = KeptFragments.counted(registry, "page.card");
        counted.nextBuild();
        counted.get("incident v1", this::render);
        counted.get("incident v1", this::render);
        counted.nextBuild();

        counted.get("incident v1", this::render);
        counted.get("incident v2", this::render);

        assertThat(registry.get(KeptFragments.RENDERED).tag("part", "page.card").counter().count()).isEqualTo(2);
    }

    private String render(String inputs) {
        rendered.add(inputs);
        return "<" + inputs + ">";
    }
}
