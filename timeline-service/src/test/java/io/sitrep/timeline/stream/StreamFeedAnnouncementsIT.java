package io.sitrep.timeline.stream;

import io.sitrep.timeline.IntegrationTest;
import io.sitrep.timeline.readmodel.ReadModelsChanged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * issue 16 and 17: the stream feed tells the views of what another instance applied, and does not make them read again
 * what this instance's consumer applied and announced already; it streams both alike. A feed of its own, polled by the
 * test, over the application's database.
 */
class StreamFeedAnnouncementsIT extends IntegrationTest {

    @Autowired
    private StreamSettings settings;

    @Test
    void theFeedAnnouncesWhatAnotherInstanceAppliedButNotWhatThisInstanceAnnouncedAlreadyAndStreamsBoth() {
        List<ReadModelsChanged> announced = new CopyOnWriteArrayList<>();
        List<String> streamed = new CopyOnWriteArrayList<>();
        EventStream stream = new EventStream(settings) {
            @Override
            public void publish(StreamEvent event) {
                streamed.add(event.id());
                super.publish(event);
            }
        };
        try {
            announcesOnlyWhatCameFromElsewhere(new StreamFeed(jdbc, stream, settings, event -> announced.add((ReadModelsChanged) event)), announced, streamed);
        } finally {
            stream.close();
        }
    }

    private void announcesOnlyWhatCameFromElsewhere(StreamFeed feed, List<ReadModelsChanged> announced, List<String> streamed) {
        // From a quiet table: what earlier tests' events still bring in would count as another instance's.
        await().atMost(TIMEOUT).until(() -> {
            streamed.clear();
            feed.poll();
            return streamed.isEmpty();
        });
        announced.clear();

        UUID appliedHere = UUID.randomUUID();
        feed.readModelsChanged(ReadModelsChanged.batch(Set.of(appliedHere)));
        queued(appliedHere);
        feed.poll();
        assertThat(announced).as("announced by this instance's batch already").isEmpty();
        assertThat(streamed).containsExactly(appliedHere.toString());

        UUID appliedThere = UUID.randomUUID();
        queued(appliedThere);
        feed.poll();
        assertThat(announced).containsExactly(new ReadModelsChanged("feed"));
        assertThat(streamed).containsExactly(appliedHere.toString(), appliedThere.toString());

        // Found once, forgotten: should the same id come again, it is announced.
        announced.clear();
        jdbc.sql("DELETE FROM stream_events WHERE event_id = ?").param(appliedHere).update();
        queued(appliedHere);
        feed.poll();
        assertThat(announced).containsExactly(new ReadModelsChanged("feed"));
    }

    /** A row as the live consumer of some instance queues it. */
    private void queued(UUID eventId) {
        jdbc.sql("INSERT INTO stream_events (event_id, type, data) VALUES (?, 'incident.updated', '{}')").param(eventId).update();
    }
}
