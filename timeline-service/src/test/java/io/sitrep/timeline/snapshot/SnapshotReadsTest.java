package io.sitrep.timeline.snapshot;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.timeline.readmodel.ComponentView;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.readmodel.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reads of one build, shared by the surfaces: each is made once, each timeline read once, and only when its incident's version changed since the build before. */
class SnapshotReadsTest {

    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
    private final UUID third = UUID.randomUUID();
    private final UUID without = UUID.randomUUID();
    private final List<String> calls = new ArrayList<>();
    private final SnapshotReads reads = new SnapshotReads(readModels());
    /** What the read models list as open, and the generation they answer from. */
    private List<IncidentView> open = List.of();
    private long generation = 1;

    @Test
    void readsTheComponentsOncePerBuild() {
        List<ComponentView> forThePage = reads.components();

        List<ComponentView> forTheFeed = reads.components();

        assertThat(forTheFeed).isSameAs(forThePage);
        assertThat(calls).containsExactly("components");
    }

    @Test
    void readsOnlyTheTimelinesNotReadYetAndAnswersInTheAskedOrder() {
        reads.timelines(List.of(first, second), 100, false);

        Map<UUID, List<TimelineEntry>> answered = reads.timelines(List.of(third, second, first), 100, false);

        assertThat(calls).containsExactly("generation", "timelines " + List.of(first, second), "timelines " + List.of(third));
        assertThat(answered.keySet()).containsExactly(third, second, first);
    }

    @Test
    void remembersAnIncidentWithoutTimelineAsRead() {
        reads.timelines(List.of(without), 100, false);

        Map<UUID, List<TimelineEntry>> answered = reads.timelines(List.of(without), 100, false);

        assertThat(answered).isEmpty();
        assertThat(calls).containsExactly("generation", "timelines " + List.of(without));
    }

    @Test
    void keepsTimelinesWithActorsApartFromThoseWithout() {
        reads.timelines(List.of(first), 100, false);

        reads.timelines(List.of(first), 100, true);

        assertThat(calls).containsExactly("generation", "timelines " + List.of(first), "timelines " + List.of(first));
    }

    @Test
    void takesOverTheTimelineOfAnIncidentListedAtTheSameVersionAsInTheBuildBefore() {
        open = List.of(incident(first, 3), incident(second, 7));
        Map<UUID, List<TimelineEntry>> before = listThenRead(reads, List.of(first, second));
        SnapshotReads next = nextBuild();

        Map<UUID, List<TimelineEntry>> taken = listThenRead(next, List.of(first, second));

        assertThat(calls).containsExactly("open", "generation");
        assertThat(taken.get(first)).isSameAs(before.get(first));
        assertThat(taken.get(second)).isSameAs(before.get(second));
    }

    @Test
    void readsAgainTheTimelineOfAnIncidentWhoseVersionChanged() {
        open = List.of(incident(first, 3), incident(second, 7));
        listThenRead(reads, List.of(first, second));
        SnapshotReads next = nextBuild();
        open = List.of(incident(first, 4), incident(second, 7));

        listThenRead(next, List.of(first, second));

        assertThat(calls).containsExactly("open", "generation", "timelines " + List.of(first));
    }

    @Test
    void readsEveryTimelineAgainAfterANewGenerationTookOver() {
        open = List.of(incident(first, 3));
        listThenRead(reads, List.of(first));
        SnapshotReads next = nextBuild();
        generation = 2;

        listThenRead(next, List.of(first));

        assertThat(calls).containsExactly("open", "generation", "timelines " + List.of(first));
    }

    @Test
    void readsEveryBuildTheTimelineOfAnIncidentNoListShowedAndHandsOnOnlyWhatTheBuildUsed() {
        open = List.of(incident(first, 3), incident(second, 7));
        listThenRead(reads, List.of(first, second, third));
        SnapshotReads next = nextBuild();

        listThenRead(next, List.of(first, third));

        assertThat(calls).containsExactly("open", "generation", "timelines " + List.of(third));
        assertThat(next.carriedOver().size()).isEqualTo(1);
    }

    @Test
    void keepsAnIncidentWithoutTimelineAsReadAtItsVersion() {
        open = List.of(incident(without, 2));
        listThenRead(reads, List.of(without));
        SnapshotReads next = nextBuild();

        Map<UUID, List<TimelineEntry>> answered = listThenRead(next, List.of(without));

        assertThat(answered).isEmpty();
        assertThat(calls).containsExactly("open", "generation");
    }

    @Test
    void afterTheTransactionAnswersWhatWasReadAndRefusesTheRest() {
        List<ComponentView> read = reads.components();
        reads.timelines(List.of(first), 100, false);
        reads.end();

        assertThat(reads.components()).isSameAs(read);
        assertThat(reads.timelines(List.of(first), 100, false)).containsOnlyKeys(first);
        assertThatThrownBy(() -> reads.timelines(List.of(second), 100, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read has ended");
        assertThatThrownBy(reads::openIncidents).isInstanceOf(IllegalStateException.class);
        assertThat(calls).containsExactly("components", "generation", "timelines " + List.of(first));
    }

    /** What a surface does: lists the open incidents, then reads the timelines of these. */
    private static Map<UUID, List<TimelineEntry>> listThenRead(SnapshotReads build, List<UUID> ids) {
        build.openIncidents();
        return build.timelines(ids, 100, false);
    }

    /** The next build's reads, handed what this one read; what the read models were asked so far is forgotten. */
    private SnapshotReads nextBuild() {
        calls.clear();
        return new SnapshotReads(readModels(), reads.carriedOver());
    }

    private static IncidentView incident(UUID id, long version) {
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        return new IncidentView(id, "Checkout errors", IncidentStatus.INVESTIGATING, Impact.MAJOR, List.of(), at, at, null, version);
    }

    /** Read models that answer an empty timeline for every incident but {@link #without}, and record what they were asked. */
    private ReadModels readModels() {
        return (ReadModels) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{ReadModels.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "openIncidents" -> {
                    calls.add("open");
                    return open;
                }
                case "currentGeneration" -> {
                    calls.add("generation");
                    return generation;
                }
                case "components" -> {
                    calls.add("components");
                    return List.of();
                }
                case "timelines" -> {
                    @SuppressWarnings("unchecked")
                    Collection<UUID> ids = (Collection<UUID>) args[0];
                    calls.add("timelines " + List.copyOf(ids));
                    Map<UUID, List<TimelineEntry>> timelines = new LinkedHashMap<>();
                    ids.stream().filter(id -> !id.equals(without)).forEach(id -> timelines.put(id, new ArrayList<>()));
                    return timelines;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            }
        });
    }
}
