package io.sitrep.timeline.statuspage;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.timeline.ComponentStory;
import io.sitrep.timeline.IntegrationTest;
import io.sitrep.timeline.MaintenanceStory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14: the Statuspage-compatible scheduled maintenance endpoints answered 404 and {@code summary.json} listed
 * none. They have Statuspage's paths and documented fields for a scheduled, an in-progress and a completed window.
 */
class StatuspageMaintenanceIT extends IntegrationTest {

    private static final List<String> MAINTENANCE_FIELDS = List.of("id", "name", "status", "created_at", "updated_at", "monitoring_at",
            "resolved_at", "impact", "shortlink", "started_at", "page_id", "incident_updates", "components", "scheduled_for",
            "scheduled_until");
    private static final List<String> UPDATE_FIELDS = List.of("id", "status", "body", "incident_id", "created_at", "updated_at",
            "display_at", "affected_components", "deliver_notifications", "custom_tweet", "tweet_id");
    private static final List<String> PAGE_FIELDS = List.of("id", "name", "url", "time_zone", "updated_at");

    private static final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    /** The windows are told once, for every test of this class: "the 50 most recent" stays within reach. */
    private static ComponentStory component;
    private static MaintenanceStory scheduled;
    private static MaintenanceStory inProgress;
    private static MaintenanceStory completed;
    private static MaintenanceStory cancelled;

    @BeforeEach
    void windows() {
        if (component != null) {
            return;
        }
        component = ComponentStory.fresh("sp-maint");
        Instant told = now.minus(Duration.ofHours(6));
        events.publish(component.define("Billing", null, told), component.status(ComponentStatus.UNDER_MAINTENANCE, null, now.minusSeconds(600)));
        scheduled = window("Network upgrade", told, now.plus(Duration.ofDays(2)), component);
        inProgress = window("Database upgrade", told, now.minus(Duration.ofMinutes(10)), component);
        completed = window("Certificate rotation", told, now.minus(Duration.ofHours(3)), component);
        cancelled = window("Cancelled move", told, now.plus(Duration.ofDays(5)), component);
        events.publish(scheduled.schedule("We will upgrade the network."));
        events.publish(inProgress.schedule("We will upgrade the database."), inProgress.start("The upgrade has started."));
        events.publish(completed.schedule("We will rotate certificates."), completed.start("Rotating."),
                completed.update(MaintenanceStatus.VERIFYING, "Checking the new certificates."), completed.complete("Done."));
        events.publish(cancelled.schedule("We will move racks."), cancelled.cancel("The move is not needed."));
        await().atMost(TIMEOUT).until(() -> ids(api.get("/api/v2/scheduled-maintenances.json").expect(200).json())
                .containsAll(List.of(scheduled.id().toString(), inProgress.id().toString(), completed.id().toString(),
                        cancelled.id().toString()))
                && api.get("/api/v1/maintenances/" + completed.id()).json().get("version").asLong() == 4
                && api.get("/api/v1/maintenances/" + cancelled.id()).json().get("version").asLong() == 2
                && api.get("/api/v1/components/" + component.id()).status() == 200);
        // The read models hold every step now; /api/v2 is answered from the snapshot, which may trail them by a build.
        awaitSnapshot();
    }

    @Test
    void upcomingListsScheduledWindowsWithStatuspagesFields() {
        JsonNode upcoming = api.get("/api/v2/scheduled-maintenances/upcoming.json").expect(200).json();

        assertThat(upcoming.propertyNames()).containsExactlyInAnyOrder("page", "scheduled_maintenances");
        assertThat(upcoming.get("page").propertyNames()).containsExactlyInAnyOrderElementsOf(PAGE_FIELDS);
        assertThat(ids(upcoming)).contains(scheduled.id().toString())
                .doesNotContain(inProgress.id().toString(), completed.id().toString(), cancelled.id().toString());
        JsonNode window = find(upcoming, scheduled);
        assertThat(window.propertyNames()).containsExactlyInAnyOrderElementsOf(MAINTENANCE_FIELDS);
        assertThat(window.get("status").asString()).isEqualTo("scheduled");
        assertThat(window.get("impact").asString()).isEqualTo("maintenance");
        assertThat(window.get("name").asString()).isEqualTo("Network upgrade");
        assertThat(Instant.parse(window.get("scheduled_for").asString())).isEqualTo(scheduled.scheduledFor());
        assertThat(Instant.parse(window.get("scheduled_until").asString())).isEqualTo(scheduled.scheduledUntil());
        assertThat(window.get("resolved_at").isNull()).isTrue();
        assertThat(window.get("shortlink").asString()).endsWith("#maintenance-" + scheduled.id());
        assertThat(window.get("page_id").asString()).isEqualTo("sitrep");
        JsonNode update = window.get("incident_updates").get(0);
        assertThat(update.propertyNames()).containsExactlyInAnyOrderElementsOf(UPDATE_FIELDS);
        assertThat(update.get("status").asString()).isEqualTo("scheduled");
        assertThat(update.get("body").asString()).isEqualTo("We will upgrade the network.");
        assertThat(update.get("incident_id").asString()).isEqualTo(scheduled.id().toString());
        JsonNode covered = window.get("components").get(0);
        assertThat(covered.get("id").asString()).isEqualTo(component.id());
        assertThat(covered.get("name").asString()).isEqualTo("Billing");
    }

    @Test
    void activeListsWindowsInProgressOrVerifyingWithTheirComponentsUnderMaintenance() {
        JsonNode active = api.get("/api/v2/scheduled-maintenances/active.json").expect(200).json();

        assertThat(active.propertyNames()).containsExactlyInAnyOrder("page", "scheduled_maintenances");
        assertThat(ids(active)).contains(inProgress.id().toString())
                .doesNotContain(scheduled.id().toString(), completed.id().toString(), cancelled.id().toString());
        JsonNode window = find(active, inProgress);
        assertThat(window.propertyNames()).containsExactlyInAnyOrderElementsOf(MAINTENANCE_FIELDS);
        assertThat(window.get("status").asString()).isEqualTo("in_progress");
        assertThat(window.get("impact").asString()).isEqualTo("maintenance");
        assertThat(window.get("started_at").isNull()).isFalse();
        assertThat(window.get("incident_updates").valueStream().map(u -> u.get("status").asString()))
                .containsExactly("in_progress", "scheduled");
        assertThat(window.get("components").get(0).get("status").asString()).isEqualTo("under_maintenance");
    }

    @Test
    void allListsTheMostRecentWindowsCompletedOnesResolvedAndCancelledOnesAsCompleted() {
        JsonNode all = api.get("/api/v2/scheduled-maintenances.json").expect(200).json();

        assertThat(all.propertyNames()).containsExactlyInAnyOrder("page", "scheduled_maintenances");
        assertThat(all.get("scheduled_maintenances").size()).isLessThanOrEqualTo(50);
        JsonNode window = find(all, completed);
        assertThat(window.propertyNames()).containsExactlyInAnyOrderElementsOf(MAINTENANCE_FIELDS);
        assertThat(window.get("status").asString()).isEqualTo("completed");
        assertThat(window.get("impact").asString()).isEqualTo("maintenance");
        assertThat(window.get("resolved_at").isNull()).isFalse();
        assertThat(window.get("monitoring_at").isNull()).isFalse();
        assertThat(window.get("incident_updates").valueStream().map(u -> u.get("status").asString()))
                .containsExactly("completed", "verifying", "in_progress", "scheduled");
        assertThat(window.get("incident_updates").get(0).get("body").asString()).isEqualTo("Done.");
        JsonNode gone = find(all, cancelled);
        assertThat(gone.get("status").asString()).isEqualTo("completed");
        assertThat(gone.get("resolved_at").isNull()).isFalse();
        assertThat(gone.get("incident_updates").get(0).get("body").asString()).isEqualTo("The move is not needed.");
        assertThat(find(all, scheduled).get("status").asString()).isEqualTo("scheduled");
        assertThat(find(all, inProgress).get("status").asString()).isEqualTo("in_progress");
    }

    @Test
    void summaryListsWindowsInProgressAndUpcomingButNotFinishedOnes() {
        JsonNode summary = api.get("/api/v2/summary.json").expect(200).json();

        JsonNode windows = summary.get("scheduled_maintenances");
        assertThat(ids(windows)).contains(scheduled.id().toString(), inProgress.id().toString())
                .doesNotContain(completed.id().toString(), cancelled.id().toString());
        JsonNode window = windows.valueStream().filter(w -> w.get("id").asString().equals(inProgress.id().toString())).findFirst().orElseThrow();
        assertThat(window.propertyNames()).containsExactlyInAnyOrderElementsOf(MAINTENANCE_FIELDS);
        assertThat(window.get("impact").asString()).isEqualTo("maintenance");
        assertThat(Instant.parse(window.get("scheduled_for").asString())).isEqualTo(inProgress.scheduledFor());
    }

    private static MaintenanceStory window(String title, Instant told, Instant scheduledFor, ComponentStory covered) {
        return MaintenanceStory.of(title, told, scheduledFor, Duration.ofHours(2), MaintenanceStory.component(covered.id(), covered.name()));
    }

    private static List<String> ids(JsonNode document) {
        JsonNode items = document.isArray() ? document : document.get("scheduled_maintenances");
        return items.valueStream().map(item -> item.get("id").asString()).toList();
    }

    private static JsonNode find(JsonNode document, MaintenanceStory story) {
        return document.get("scheduled_maintenances").valueStream().filter(item -> item.get("id").asString().equals(story.id().toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + story.id() + " in " + document));
    }
}
