package io.sitrep.timeline.page;

import io.sitrep.events.MaintenanceStatus;
import io.sitrep.testsupport.Api;
import io.sitrep.timeline.IntegrationTest;
import io.sitrep.timeline.MaintenanceStory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14: the status page shows maintenance in progress and upcoming in a section of its own, each window in
 * UTC words and as machine-readable {@code <time>} elements the page's script localises; finished windows are not
 * shown. The page stays free of inline script and style.
 */
class StatusPageMaintenanceIT extends IntegrationTest {

    @Test
    void maintenanceInProgressAndUpcomingHaveTheirOwnSectionWithTheWindowInUtcAndMachineReadable() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant told = now.minus(Duration.ofHours(3));
        MaintenanceStory upcoming = MaintenanceStory.of("Page network upgrade", told, Instant.parse("2030-02-01T03:00:00Z"),
                Duration.ofHours(2), MaintenanceStory.component("api", "Public API"));
        MaintenanceStory verifying = MaintenanceStory.of("Page database upgrade", told, now.minus(Duration.ofMinutes(30)),
                Duration.ofHours(2), MaintenanceStory.component("dashboard", "Dashboard"));
        MaintenanceStory completed = MaintenanceStory.of("Page certificate rotation", told, now.minus(Duration.ofHours(2)),
                Duration.ofHours(1));
        events.publish(upcoming.schedule("We will upgrade the network (down < 5 min) & **more**."));
        events.publish(verifying.schedule("Planned."), verifying.start("Started."), verifying.update(MaintenanceStatus.VERIFYING, "Checking."));
        events.publish(completed.schedule("Planned."), completed.start("Started."), completed.complete("Done."));
        await().atMost(TIMEOUT).until(() -> api.get("/api/v1/maintenances/" + completed.id()).status() == 200
                && api.get("/api/v1/maintenances/" + completed.id()).json().get("version").asLong() == 3
                && api.get("/api/v1/maintenances/" + verifying.id()).json().get("version").asLong() == 3
                && api.get("/api/v1/maintenances/" + upcoming.id()).status() == 200);
        awaitSnapshot();

        Api.Response page = api.get("/").expect(200);

        String html = page.body();
        assertThat(html).contains("<section id=\"maintenance\" aria-labelledby=\"maintenance-heading\">",
                "<h2 id=\"maintenance-heading\">Scheduled maintenance</h2>");
        String section = html.substring(html.indexOf("<section id=\"maintenance\""), html.indexOf("</section>", html.indexOf("<section id=\"maintenance\"")));
        String soon = article(section, upcoming);
        assertThat(soon).contains("Page network upgrade", "<strong>Scheduled</strong>", "Public API",
                "<time datetime=\"2030-02-01T03:00:00Z\">Feb 1, 2030 03:00 UTC</time> to "
                        + "<time datetime=\"2030-02-01T05:00:00Z\">Feb 1, 2030 05:00 UTC</time>",
                "We will upgrade the network (down &lt; 5 min) &amp; <strong>more</strong>.");
        String active = article(section, verifying);
        assertThat(active).contains("<strong>Verifying</strong>", "Dashboard", "datetime=\"" + verifying.scheduledFor() + "\"");
        assertThat(active.indexOf("Checking.")).isLessThan(active.indexOf("Started."));
        assertThat(section.indexOf("id=\"maintenance-" + verifying.id())).as("in progress before upcoming")
                .isLessThan(section.indexOf("id=\"maintenance-" + upcoming.id()));
        assertThat(html).doesNotContain("maintenance-" + completed.id()).doesNotContain("Page certificate rotation");
        assertThat(html).doesNotContain("<script>").doesNotContain(" style=").doesNotContain("onclick");
    }

    @Test
    void thePageScriptLocalisesMaintenanceTimesAndRefreshesOnMaintenanceEvents() {
        String script = api.get("/assets/status.js").expect(200).body();
        String page = api.get("/").expect(200).body();

        // Issue 16: the script learns the event names from the page, not from a list of its own.
        assertThat(script).contains("time[datetime]", "Intl.DateTimeFormat", "data-events").doesNotContain("'maintenance.started'");
        String events = page.substring(page.indexOf("data-events=\"") + 13, page.indexOf('"', page.indexOf("data-events=\"") + 13));
        assertThat(events.split(" ")).contains("maintenance.started", "maintenance.completed", "maintenance.scheduled",
                "maintenance.cancelled", "maintenance.updated", "incident.updated", "sitrep.resync").doesNotContain("delivery.failing");
    }

    private static String article(String section, MaintenanceStory story) {
        int start = section.indexOf("<article class=\"maintenance");
        while (start >= 0) {
            int end = section.indexOf("</article>", start);
            String article = section.substring(start, end);
            if (article.contains("id=\"maintenance-" + story.id() + "\"")) {
                return article;
            }
            start = section.indexOf("<article class=\"maintenance", end);
        }
        throw new AssertionError("no window " + story.id() + " in " + section);
    }
}
