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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class EventStreamTest {

    private static final String ADDRESS = "192.0.2.1";

    private final EventStream stream = new EventStream(settings(Duration.ofHours(1)));

    private static StreamSettings settings(Duration maxLifetime) {
        return new StreamSettings(Duration.ofMillis(200), 5, 3, 10, Duration.ofSeconds(1), Duration.ofMillis(250), Duration.ofHours(1),
                4, List.of(), maxLifetime);
    }

    @AfterEach
    void close() {
        stream.close();
    }

    @Test
    void aSlowClientNeverHoldsUpThePublisherAndIsDisconnected() {
        RecordingSink stuck = new RecordingSink();
        stuck.ready = false;
        RecordingSink fast = new RecordingSink();
        subscribe(null, stuck);
        subscribe(null, fast);
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
        await().atMost(Duration.ofSeconds(5)).until(() -> stuck.closed);
        assertThat(stuck.events).isEmpty();
    }

    @Test
    void aClientResumesAfterItsLastEventIdFromTheBuffer() {
        List<SitrepEvent> events = events(4);
        events.forEach(this::publish);
        RecordingSink sink = new RecordingSink();

        subscribe(events.get(1).eventId().toString(), sink);

        await().atMost(Duration.ofSeconds(5)).until(() -> sink.ids().size() == 2);
        assertThat(sink.ids()).containsExactly(events.get(2).eventId().toString(), events.get(3).eventId().toString());
    }

    @Test
    void aClientWhoseLastEventIdIsNoLongerBufferedIsToldToResync() {
        List<SitrepEvent> events = events(8);
        events.forEach(this::publish);
        RecordingSink sink = new RecordingSink();

        subscribe(events.get(0).eventId().toString(), sink);

        await().atMost(Duration.ofSeconds(5)).until(() -> !sink.names().isEmpty());
        assertThat(sink.names().get(0)).isEqualTo(EventStream.RESYNC);
    }

    @Test
    void anEventAnnouncedOnceIsNotAnnouncedAgain() {
        RecordingSink sink = new RecordingSink();
        subscribe(null, sink);
        SitrepEvent event = events(1).get(0);

        publish(event);
        publish(event);

        await().atMost(Duration.ofSeconds(2)).until(() -> sink.comments.stream().filter("heartbeat"::equals).count() >= 2);
        assertThat(sink.ids()).hasSize(1);
    }

    @Test
    void anIdleClientGetsHeartbeats() {
        RecordingSink sink = new RecordingSink();

        subscribe(null, sink);

        await().atMost(Duration.ofSeconds(3)).until(() -> sink.comments.size() >= 3);
        assertThat(sink.comments.get(0)).isEqualTo("connected");
        assertThat(sink.comments.subList(1, sink.comments.size())).allMatch("heartbeat"::equals);
    }

    @Test
    void clientsBeyondTheLimitAreRefused() {
        for (int i = 0; i < 10; i++) {
            stream.subscribe("192.0.2." + (10 + i), null, new RecordingSink());
        }

        assertThatThrownBy(() -> stream.subscribe("192.0.2.99", null, new RecordingSink())).isInstanceOf(TooManyClients.class);
    }

    // Security hardening: one address could hold every slot of the stream.
    @Test
    void oneAddressHoldsAtMostItsShareOfStreams() {
        for (int i = 0; i < 4; i++) {
            subscribe(null, new RecordingSink());
        }

        assertThatThrownBy(() -> subscribe(null, new RecordingSink())).isInstanceOf(TooManyClientsFromAddress.class);
        stream.subscribe("192.0.2.2", null, new RecordingSink());
        assertThat(stream.clients(ADDRESS)).isEqualTo(4);
        assertThat(stream.clients()).isEqualTo(5);
    }

    // Security hardening: slots were freed only when a later heartbeat failed to write.
    @Test
    void aCancelledClientFreesItsSlotAtOnce() {
        List<EventStream.Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            subscriptions.add(subscribe(null, new RecordingSink()));
        }

        subscriptions.get(0).cancel();

        assertThat(stream.clients(ADDRESS)).isEqualTo(3);
        subscribe(null, new RecordingSink());
    }

    // Security hardening: a platform thread per client let connections exhaust the threads.
    @Test
    void manyClientsShareAFewSenderThreads() {
        EventStream roomy = new EventStream(new StreamSettings(Duration.ofMillis(200), 5, 3, 1000, Duration.ofSeconds(1),
                Duration.ofMillis(250), Duration.ofHours(1), 1000, List.of(), Duration.ofHours(1)));
        try {
            List<RecordingSink> sinks = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                RecordingSink sink = new RecordingSink();
                sinks.add(sink);
                roomy.subscribe(ADDRESS, null, sink);
            }
            SitrepEvent event = events(1).get(0);

            roomy.publish(new StreamEvent(event.eventId().toString(), event.type().wireName(), "{}"));

            await().atMost(Duration.ofSeconds(5)).until(() -> sinks.stream().allMatch(sink -> sink.ids().size() == 1));
            long senders = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("stream-sender-")).count();
            assertThat(senders).isLessThanOrEqualTo(2 * 2);
        } finally {
            roomy.close();
        }
    }

    @Test
    void aStreamEndsAfterItsLifetimeTellingTheClientToReconnect() {
        EventStream shortLived = new EventStream(settings(Duration.ofMillis(300)));
        try {
            RecordingSink sink = new RecordingSink();

            shortLived.subscribe(ADDRESS, null, sink);

            await().atMost(Duration.ofSeconds(5)).until(() -> sink.closed);
            assertThat(sink.comments).last().isEqualTo(EventStream.LIFETIME_REACHED);
            assertThat(sink.retries).hasSize(2).allMatch(Duration.ofSeconds(1)::equals);
            assertThat(shortLived.clients()).isZero();
        } finally {
            shortLived.close();
        }
    }

    @Test
    void aClientThatCannotTakeMoreIsWrittenToWhenItSaysItCan() {
        RecordingSink sink = new RecordingSink();
        sink.ready = false;
        EventStream.Subscription subscription = subscribe(null, sink);
        SitrepEvent event = events(1).get(0);
        publish(event);

        sink.ready = true;
        subscription.writable();

        await().atMost(Duration.ofSeconds(2)).until(() -> sink.ids().contains(event.eventId().toString()));
        assertThat(sink.flushes).isPositive();
    }

    private EventStream.Subscription subscribe(String lastEventId, RecordingSink sink) {
        return stream.subscribe(ADDRESS, lastEventId, sink);
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

    /** Records what it is sent; takes writes only while {@code ready}. */
    private static final class RecordingSink implements Sink {

        private final List<StreamEvent> events = new CopyOnWriteArrayList<>();
        private final List<String> comments = new CopyOnWriteArrayList<>();
        private final List<Duration> retries = new CopyOnWriteArrayList<>();
        private volatile boolean ready = true;
        private volatile int flushes;
        private volatile boolean closed;

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public void send(StreamEvent event) {
            assertThat(ready).as("written only while ready").isTrue();
            events.add(event);
        }

        @Override
        public void comment(String text) {
            comments.add(text);
        }

        @Override
        public void retry(Duration delay) {
            retries.add(delay);
        }

        @Override
        public void flush() {
            flushes++;
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
