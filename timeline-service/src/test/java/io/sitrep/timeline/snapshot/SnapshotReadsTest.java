package io.sitrep.timeline.snapshot;

import io.sitrep.timeline.readmodel.ComponentView;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.readmodel.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The reads of one build, shared by the surfaces: each is made once, each timeline read once. */
class SnapshotReadsTest {

    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
    private final UUID third = UUID.randomUUID();
    private final UUID without = UUID.randomUUID();
    private final List<String> calls = new ArrayList<>();
    private final SnapshotReads reads = new SnapshotReads(readModels());

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

        assertThat(calls).containsExactly("timelines " + List.of(first, second), "timelines " + List.of(third));
        assertThat(answered.keySet()).containsExactly(third, second, first);
    }

    @Test
    void remembersAnIncidentWithoutTimelineAsRead() {
        reads.timelines(List.of(without), 100, false);

        Map<UUID, List<TimelineEntry>> answered = reads.timelines(List.of(without), 100, false);

        assertThat(answered).isEmpty();
        assertThat(calls).containsExactly("timelines " + List.of(without));
    }

    @Test
    void keepsTimelinesWithActorsApartFromThoseWithout() {
        reads.timelines(List.of(first), 100, false);

        reads.timelines(List.of(first), 100, true);

        assertThat(calls).containsExactly("timelines " + List.of(first), "timelines " + List.of(first));
    }

    /** Read models that answer an empty timeline for every incident but {@link #without}, and record what they were asked. */
    private ReadModels readModels() {
        return (ReadModels) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{ReadModels.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "components" -> {
                    calls.add("components");
                    return List.of();
                }
                case "timelines" -> {
                    @SuppressWarnings("unchecked")
                    Collection<UUID> ids = (Collection<UUID>) args[0];
                    calls.add("timelines " + List.copyOf(ids));
                    Map<UUID, List<TimelineEntry>> timelines = new LinkedHashMap<>();
                    ids.stream().filter(id -> !id.equals(without)).forEach(id -> timelines.put(id, List.of()));
                    return timelines;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            }
        });
    }
}
