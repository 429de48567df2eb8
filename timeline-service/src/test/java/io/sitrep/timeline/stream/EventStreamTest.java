package io.sitrep.timeline.stream;

import io.sitrep.events.Impact;
import io.sitrep.events.SitrepEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.timeline.IncidentStory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EventStreamTest {

    private final EventStream stream = new EventStream(new StreamSettings(Duration.ofMillis(200), 5, 3, 10, Duration.ofSeconds(1),
            Duration.ofMillis(250), Duration.ofHours(1)));

    @AfterEach
    void close() {
        stream.close();
    }

    @Test
    void aSlowClientNeverHoldsUpThePublisherAndIsDisconnected() {
        CountDownLatch released = new CountDownLatch(1);
        RecordingSink stuck = new RecordingSink(released);
        RecordingSink fast = new RecordingSink(null);
        stream.subscribe(null, stuck);
        stream.subscribe(null, fast);
        List<SitrepEvent> events = events(10);

        long publishingNanos = 0;
        for (SitrepEvent event : events) {
            long started = System.nanoTime();
            publish(event);
            publishingNanos += System.nanoTime() - started;
            await().atMost(Duration.ofSeconds(2)).until(() -> fast.ids().contains(event.eventId().toString()));
        }

        assertThat(TimeUnit.NANOSECONDS.toMillis(publishingNanos)).isLessThan(1000);
        assertThat(fast.ids()).containsExactlyElementsOf(events.stream().map(e -> e.eventId().toString()).toList());
        assertThat(stream.clients()).isEqualTo(1);
        released.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> stuck.closed);
    }

    @Test
    void aClientResumesAfterItsLastEventIdFromTheBuffer() {
        List<SitrepEvent> events = events(4);
        events.forEach(this::publish);
        RecordingSink sink = new RecordingSink(null);

        stream.subscribe(events.get(1).eventId().toString(), sink);

        await().atMost(Duration.ofSeconds(5)).until(() -> sink.ids().size() == 2);
        assertThat(sink.ids()).containsExactly(events.get(2).eventId().toString(), events.get(3).eventId().toString());
    }

    @Test
    void aClientWhoseLastEventIdIsNoLongerBufferedIsToldToResync() {
        List<SitrepEvent> events = events(8);
        events.forEach(this::publish);
        RecordingSink sink = new RecordingSink(null);

        stream.subscribe(events.get(0).eventId().toString(), sink);

        await().atMost(Duration.ofSeconds(5)).until(() -> !sink.names().isEmpty());
        assertThat(sink.names().get(0)).isEqualTo(EventStream.RESYNC);
    }

    @Test
    void anEventAnnouncedOnceIsNotAnnouncedAgain() {
        RecordingSink sink = new RecordingSink(null);
        stream.subscribe(null, sink);
        SitrepEvent event = events(1).get(0);

        publish(event);
        publish(event);

        await().atMost(Duration.ofSeconds(2)).until(() -> sink.comments.size() >= 2);
        assertThat(sink.ids()).hasSize(1);
    }

    @Test
    void anIdleClientGetsHeartbeats() {
        RecordingSink sink = new RecordingSink(null);

        stream.subscribe(null, sink);

        await().atMost(Duration.ofSeconds(3)).until(() -> sink.comments.size() >= 2);
        assertThat(sink.comments).allMatch("heartbeat"::equals);
    }

    @Test
    void clientsBeyondTheLimitAreRefused() {
        for (int i = 0; i < 10; i++) {
            stream.subscribe(null, new RecordingSink(null));
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stream.subscribe(null, new RecordingSink(null)))
                .isInstanceOf(TooManyClients.class);
    }

    private void publish(SitrepEvent event) {
        stream.publish(new StreamEvent(event.eventId().toString(), event.type().wireName(),
                new String(new EventCodec().encode(event), StandardCharsets.UTF_8)));
    }

    private static List<SitrepEvent> events(int count) {
        IncidentStory story = IncidentStory.of("Streamed");
        List<SitrepEvent> events = new ArrayList<>();
        events.add(story.open(Impact.MINOR, "First."));
        while (events.size() < count) {
            events.add(story.update(io.sitrep.events.IncidentStatus.IDENTIFIED, Impact.MINOR, "Update " + events.size()));
        }
        return events;
    }

    /** Records what it is sent; blocks on its first event until released, when given a latch. */
    private static final class RecordingSink implements Sink {

        private final CountDownLatch release;
        private final List<StreamEvent> events = new CopyOnWriteArrayList<>();
        private final List<String> comments = new CopyOnWriteArrayList<>();
        private volatile boolean closed;

        RecordingSink(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public void send(StreamEvent event) {
            if (release != null) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    // A real socket write is not interruptible: keep waiting for the release.
                    try {
                        release.await();
                    } catch (InterruptedException again) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            events.add(event);
        }

        @Override
        public void comment(String text) {
            comments.add(text);
        }

        @Override
        public void close() {
            closed = true;
        }

        List<String> ids() {
            return events.stream().map(StreamEvent::id).toList();
        }

        List<String> names() {
            return events.stream().map(StreamEvent::name).toList();
        }
    }
}
