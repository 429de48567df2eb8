package io.sitrep.timeline.stream;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.events.IncidentResolved;
import io.sitrep.events.MaintenanceCompleted;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.events.MaintenanceStarted;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import io.sitrep.timeline.MaintenanceStory;
import io.sitrep.timeline.SseClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live stream delivers events applied after connecting, resumes from Last-Event-ID and keeps idle connections alive. */
class LiveStreamIT extends IntegrationTest {

    private String url() {
        return api.baseUrl() + "/api/v1/stream";
    }

    @Test
    void anEventPublishedAfterConnectingIsDelivered() {
        try (SseClient client = SseClient.connect(url(), null)) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.contentType()).startsWith("text/event-stream");
            IncidentStory story = IncidentStory.of("Streamed live");
            IncidentOpened opened = story.open(Impact.MAJOR, "On the stream.");

            events.publish(opened);

            SseClient.Event event = client.awaitEvent(opened.eventId().toString(), TIMEOUT);
            assertThat(event.name()).isEqualTo("incident.opened");
            assertThat(event.data()).contains(story.id().toString()).contains("On the stream.");
            assertThat(api.get("/api/v1/incidents/" + story.id()).status())
                    .as("sent after the read model committed").isEqualTo(200);
        }
    }

    // Issue 14: maintenance events were not applied, so the stream never carried them.
    @Test
    void maintenanceEventsAreStreamedUnderTheirTypes() {
        try (SseClient client = SseClient.connect(url(), null)) {
            Instant now = Instant.now();
            MaintenanceStory story = MaintenanceStory.of("Streamed window", now.minus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(5)),
                    Duration.ofHours(1), MaintenanceStory.component("api", "Public API"));
            MaintenanceScheduled scheduled = story.schedule("Planned.").withActor("Dana Whitfield");
            MaintenanceStarted started = story.start("Under way.").withActor("scheduler");
            MaintenanceCompleted completed = story.complete("Done.");

            events.publish(scheduled, started, completed);

            SseClient.Event last = client.awaitEvent(completed.eventId().toString(), TIMEOUT);
            assertThat(last.name()).isEqualTo("maintenance.completed");
            assertThat(last.data()).contains(story.id().toString()).contains("Done.");
            assertThat(client.events().stream().filter(e -> e.data() != null && e.data().contains(story.id().toString())).map(SseClient.Event::name))
                    .containsExactly("maintenance.scheduled", "maintenance.started", "maintenance.completed");
            // Issue 13: maintenance events carry their actor now; the public stream strips it as from incident events.
            assertThat(client.events()).filteredOn(e -> e.data() != null && e.data().contains(story.id().toString()))
                    .allSatisfy(e -> assertThat(e.data()).doesNotContain("Dana Whitfield").doesNotContain("scheduler").doesNotContain("\"actor\""));
        }
    }

    @Test
    void aClientResumesFromLastEventIdWithWhatItMissed() {
        IncidentStory story = IncidentStory.of("Resumed");
        IncidentOpened opened = story.open(Impact.MINOR, "First.");
        IncidentUpdated identified = story.update(IncidentStatus.IDENTIFIED, Impact.MINOR, "Second.");
        IncidentResolved resolved = story.resolve("Third.");
        try (SseClient first = SseClient.connect(url(), null)) {
            events.publish(opened);
            first.awaitEvent(opened.eventId().toString(), TIMEOUT);
        }
        events.publish(identified, resolved);
        awaitIncidentVersion(story.id(), 3);

        try (SseClient resumed = SseClient.connect(url(), opened.eventId().toString())) {
            resumed.awaitEvent(resolved.eventId().toString(), TIMEOUT);

            List<String> ids = resumed.events().stream().map(SseClient.Event::id).toList();
            assertThat(ids).containsSubsequence(identified.eventId().toString(), resolved.eventId().toString());
            assertThat(ids).doesNotContain(opened.eventId().toString());
        }
    }

    @Test
    void anUnknownLastEventIdAsksTheClientToResync() {
        try (SseClient client = SseClient.connect(url(), UUID.randomUUID().toString())) {
            await().atMost(TIMEOUT).until(() -> !client.events().isEmpty());

            assertThat(client.events().get(0).name()).isEqualTo(EventStream.RESYNC);
        }
    }

    @Test
    void anIdleConnectionGetsHeartbeats() {
        try (SseClient client = SseClient.connect(url(), null)) {
            // A heartbeat goes only to a connection that had nothing else to write for a whole interval (1 s here): events
            // of earlier tests still reaching the stream hold them back, so the bound leaves room for those to pass.
            await().atMost(Duration.ofSeconds(45)).until(() -> client.comments().stream().filter("heartbeat"::equals).count() >= 2);

            assertThat(client.comments()).contains("connected");
        }
    }

    @Test
    void manyClientsAllGetTheEvent() {
        // An address of its own: streams that other tests dropped hold the local address's slots until a write fails.
        List<SseClient> clients = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> SseClient.connect(url(), null, java.util.Map.of("X-Forwarded-For", "192.0.2.50"))).toList();
        try {
            assertThat(clients).extracting(SseClient::status).containsOnly(200);
            IncidentStory story = IncidentStory.of("Broadcast");
            IncidentOpened opened = story.open(Impact.NONE, "To everyone.");

            events.publish(opened);

            for (SseClient client : clients) {
                client.awaitEvent(opened.eventId().toString(), TIMEOUT);
            }
        } finally {
            clients.forEach(SseClient::close);
        }
    }
}
