package io.sitrep.timeline.maintenance;

import io.sitrep.events.MaintenanceStarted;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.timeline.IntegrationTest;
import io.sitrep.timeline.MaintenanceStory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Maintenance events in, the maintenance API out: lists by upcoming, active and completed, pages, one window with its updates, asOf. */
class MaintenanceApiIT extends IntegrationTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void listsUpcomingActiveAndCompletedWindowsByTheirStatus() {
        MaintenanceStory upcoming = story("Upcoming", NOW.plus(Duration.ofDays(3)));
        MaintenanceStory inProgress = story("In progress", NOW.minus(Duration.ofMinutes(30)));
        MaintenanceStory verifying = story("Verifying", NOW.minus(Duration.ofMinutes(40)));
        MaintenanceStory completed = story("Completed", NOW.minus(Duration.ofHours(3)));
        MaintenanceStory cancelled = story("Cancelled", NOW.plus(Duration.ofDays(1)));
        events.publish(upcoming.schedule("Planned."));
        events.publish(inProgress.schedule("Planned."), inProgress.start("Started."));
        events.publish(verifying.schedule("Planned."), verifying.start("Started."), verifying.update(MaintenanceStatus.VERIFYING, "Checking."));
        events.publish(completed.schedule("Planned."), completed.start("Started."), completed.complete("Done."));
        events.publish(cancelled.schedule("Planned."), cancelled.cancel("Not needed."));

        awaitMaintenanceVersion(cancelled.id(), 2);
        awaitMaintenanceVersion(completed.id(), 3);
        awaitMaintenanceVersion(verifying.id(), 3);

        assertThat(ids("upcoming")).contains(upcoming.id()).doesNotContain(inProgress.id(), verifying.id(), completed.id(), cancelled.id());
        assertThat(ids("active")).contains(inProgress.id(), verifying.id()).doesNotContain(upcoming.id(), completed.id(), cancelled.id());
        assertThat(ids("completed")).contains(completed.id(), cancelled.id()).doesNotContain(upcoming.id(), inProgress.id(), verifying.id());
        assertThat(ids("all")).contains(upcoming.id(), inProgress.id(), verifying.id(), completed.id(), cancelled.id());
        JsonNode item = api.get("/api/v1/maintenances?status=active&limit=100").expect(200).json().get("items").valueStream()
                .filter(m -> m.get("id").asString().equals(verifying.id().toString())).findFirst().orElseThrow();
        assertThat(item.get("status").asString()).isEqualTo("verifying");
        assertThat(item.get("scheduledFor").asString()).isEqualTo(verifying.scheduledFor().toString());
        assertThat(item.get("scheduledUntil").asString()).isEqualTo(verifying.scheduledUntil().toString());
        assertThat(item.get("remindBefore").asString()).isEqualTo("PT1H");
        assertThat(item.get("components").get(0).get("id").asString()).isEqualTo("api");
        assertThat(item.has("updates")).isFalse();
    }

    @Test
    void pagesUpcomingWindowsSoonestFirstWithACursor() {
        List<MaintenanceStory> stories = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            MaintenanceStory story = story("Paged " + i, NOW.plus(Duration.ofDays(400)).plus(Duration.ofHours(i)));
            stories.add(story);
            events.publish(story.schedule("Planned " + i + "."));
        }
        stories.forEach(story -> awaitMaintenanceVersion(story.id(), 1));

        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/api/v1/maintenances?status=upcoming&limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200).json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            page.get("items").valueStream().forEach(m -> seen.add(UUID.fromString(m.get("id").asString())));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 1000);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.stream().filter(id -> stories.stream().anyMatch(s -> s.id().equals(id))).toList())
                .containsExactlyElementsOf(stories.stream().map(MaintenanceStory::id).toList());
    }

    @Test
    void aWindowComesWithItsUpdatesOldestFirstAndAsItStoodAtAMoment() {
        MaintenanceStory story = story("Database upgrade", NOW.minus(Duration.ofMinutes(20)));
        MaintenanceStarted started;
        events.publish(story.schedule("We will upgrade the database."), story.remind(), started = story.start("The upgrade has started."),
                story.update(MaintenanceStatus.VERIFYING, "Checking the upgrade."), story.complete("The upgrade is done."));

        JsonNode window = awaitMaintenanceVersion(story.id(), 5);

        assertThat(window.get("title").asString()).isEqualTo("Database upgrade");
        assertThat(window.get("status").asString()).isEqualTo("completed");
        assertThat(window.get("startedAt").asString()).isEqualTo(started.occurredAt().toString());
        assertThat(window.get("completedAt").isNull()).isFalse();
        assertThat(window.get("remindedAt").isNull()).isFalse();
        assertThat(window.get("asOf").isNull()).isTrue();
        assertThat(window.get("earlierUpdates").asBoolean()).isFalse();
        assertThat(window.get("updates").valueStream().map(u -> u.get("status").asString()))
                .containsExactly("scheduled", "in_progress", "verifying", "completed");
        assertThat(window.get("updates").get(1).get("message").asString()).isEqualTo("The upgrade has started.");
        assertThat(window.get("updates").get(1).get("previousStatus").asString()).isEqualTo("scheduled");
        assertThat(window.get("updates").get(1).get("type").asString()).isEqualTo("maintenance.started");

        JsonNode then = api.get("/api/v1/maintenances/" + story.id() + "?asOf=" + started.publishedAt()).expect(200).json();
        assertThat(then.get("status").asString()).isEqualTo("in_progress");
        assertThat(then.get("version").asLong()).isEqualTo(3);
        assertThat(then.get("asOf").asString()).isEqualTo(started.publishedAt().toString());
        assertThat(then.get("completedAt").isNull()).isTrue();
        assertThat(then.get("updates").valueStream().map(u -> u.get("status").asString())).containsExactly("scheduled", "in_progress");
        api.get("/api/v1/maintenances/" + story.id() + "?asOf=" + NOW.minus(Duration.ofDays(30))).expectProblem(404, "unknown-maintenance");
    }

    @Test
    void unknownWindowsAndBadParametersAreProblemsNamingWhatIsWrong() {
        api.get("/api/v1/maintenances/" + UUID.randomUUID()).expectProblem(404, "unknown-maintenance");

        assertThat(field(api.get("/api/v1/maintenances?status=soon").expectProblem(400, "invalid-parameter"))).isEqualTo("status");
        assertThat(field(api.get("/api/v1/maintenances?limit=0").expectProblem(400, "invalid-parameter"))).isEqualTo("limit");
        assertThat(field(api.get("/api/v1/maintenances?cursor=nope").expectProblem(400, "invalid-parameter"))).isEqualTo("cursor");
        assertThat(field(api.get("/api/v1/maintenances/" + UUID.randomUUID() + "?asOf=yesterday").expectProblem(400, "invalid-parameter")))
                .isEqualTo("asOf");
    }

    @Test
    void aResponderSeesWhoPostedEachMaintenanceUpdateAndThePublicDoesNot() {
        MaintenanceStory story = story("Actors", NOW.minus(Duration.ofMinutes(10)));
        events.publish(story.schedule("Planned.").withActor("Dana Whitfield"), story.start("Started.").withActor("scheduler"));

        awaitMaintenanceVersion(story.id(), 2);

        JsonNode forThePublic = api.get("/api/v1/maintenances/" + story.id()).expect(200).json();
        JsonNode forResponders = api.as(ADMIN_KEY).get("/api/v1/maintenances/" + story.id()).expect(200).json();
        assertThat(forThePublic.get("updates").valueStream().map(u -> u.get("actor").isNull())).containsExactly(true, true);
        assertThat(forResponders.get("updates").valueStream().map(u -> u.get("actor").asString()))
                .containsExactly("Dana Whitfield", "scheduler");
        assertThat(api.get("/").expect(200).body()).doesNotContain("Dana Whitfield");
    }

    private static MaintenanceStory story(String title, Instant scheduledFor) {
        return MaintenanceStory.of(title, NOW.minus(Duration.ofHours(6)), scheduledFor, Duration.ofHours(2),
                MaintenanceStory.component("api", "Public API"));
    }

    private List<UUID> ids(String status) {
        return api.get("/api/v1/maintenances?status=" + status + "&limit=100").expect(200).json().get("items").valueStream()
                .map(m -> UUID.fromString(m.get("id").asString())).toList();
    }

    private JsonNode awaitMaintenanceVersion(UUID id, long version) {
        JsonNode[] window = new JsonNode[1];
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = api.get("/api/v1/maintenances/" + id);
            if (response.status() != 200) {
                return false;
            }
            window[0] = response.json();
            return window[0].get("version").asLong() >= version;
        });
        return window[0];
    }

    private static String field(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asString();
    }
}
