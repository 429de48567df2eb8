package io.sitrep.timeline.page;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.timeline.ComponentStory;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 16: the page tells the truth (banner, bars, history, times) and carries its branding and subscribe form. */
@TestPropertySource(properties = {
        "sitrep.timeline.page.name=Acme",
        "sitrep.timeline.page.logo-url=https://cdn.example/logo.png",
        "sitrep.timeline.page.accent-color=#12ab34",
        "sitrep.timeline.page.footer-links[0].label=Support",
        "sitrep.timeline.page.footer-links[0].url=https://support.example/",
        "sitrep.timeline.page.time-zone=Europe/Berlin",
        "sitrep.timeline.page.refresh-spread=3s",
})
class StatusPageTruthIT extends IntegrationTest {

    @Test
    void aCriticalIncidentOverOperationalComponentsIsNamedInTheBanner() {
        IncidentStory story = IncidentStory.of("Logins fail " + UUID.randomUUID());
        events.publish(story.open(Impact.CRITICAL, "Nobody can sign in."));
        awaitIncidentVersion(story.id(), 1);
        awaitSnapshot();

        String html = api.get("/").expect(200).body();

        String banner = html.substring(html.indexOf("<section id=\"overall\""), html.indexOf("</section>", html.indexOf("<section id=\"overall\"")));
        assertThat(banner).contains("Major Service Outage", "<a href=\"/incidents/" + story.id() + "\">" + story.title() + "</a>",
                "critical impact");
    }

    @Test
    void aComponentsStatusSymbolIsACharacterReferenceBesideItsLabel() {
        // Operational, and so left: a component left in an outage would change the uptime bars at every build after it,
        // for every test of this database.
        ComponentStory component = ComponentStory.fresh("symbol");
        events.publish(component.define("Symbol " + component.id(), null, Instant.now().minusSeconds(60)));
        await().atMost(TIMEOUT).until(() -> api.get("/api/v1/components/" + component.id()).body().contains("\"operational\""));
        awaitSnapshot();

        String html = api.get("/").expect(200).body();

        String row = html.substring(html.indexOf("<li id=\"component-" + component.id() + "\""));
        assertThat(row.substring(0, row.indexOf("</li>"))).contains("&#x2713; Operational");
    }

    @Test
    void anOutageDayIsMarkedAndDaysBeforeTheComponentAreNoData() {
        Instant now = Instant.now();
        Instant created = now.minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(1));
        ComponentStory component = ComponentStory.fresh("bars");
        UUID incident = UUID.randomUUID();
        Instant outage = created.plus(Duration.ofDays(1));
        events.publish(component.define("Bars " + component.id(), null, created),
                component.status(ComponentStatus.MAJOR_OUTAGE, incident, outage),
                component.status(ComponentStatus.OPERATIONAL, incident, outage.plusSeconds(20)),
                component.status(ComponentStatus.UNDER_MAINTENANCE, null, outage.plus(Duration.ofHours(2))),
                component.status(ComponentStatus.OPERATIONAL, null, outage.plus(Duration.ofHours(3))));
        await().atMost(TIMEOUT).until(() -> api.get("/api/v1/components/" + component.id()).body().contains("\"operational\""));
        awaitSnapshot();

        String html = api.get("/").expect(200).body();

        String row = html.substring(html.indexOf("<li id=\"component-" + component.id() + "\""));
        row = row.substring(0, row.indexOf("</ol>"));
        String outageDay = LocalDate.ofInstant(outage, ZoneOffset.UTC).toString();
        String dayBefore = LocalDate.ofInstant(created, ZoneOffset.UTC).minusDays(1).toString();
        String outageCell = row.substring(row.indexOf("data-date=\"" + outageDay + "\""));
        assertThat(row).contains("href=\"/feed.atom?component=" + component.id() + "\"");
        assertThat(row).contains("class=\"day d-none\" tabindex=\"0\" data-date=\"" + dayBefore + "\"");
        assertThat(row.substring(row.lastIndexOf("<li", row.indexOf("data-date=\"" + outageDay + "\"")))).startsWith("<li class=\"day d-critical\"");
        assertThat(outageCell.substring(0, outageCell.indexOf("</li>"))).contains("Major outage: 1 min", "Under maintenance: 60 min");
    }

    @Test
    void theHistoryFindsABackdatedIncidentByMonthAndRefusesABadMonth() {
        IncidentStory story = IncidentStory.of("Regional outage " + UUID.randomUUID()).at(Instant.parse("2021-12-07T15:45:00Z"));
        events.publish(story.open(Impact.MAJOR, "Delayed."), story.resolve("Fixed."));
        awaitIncidentVersion(story.id(), 2);
        awaitSnapshot();

        String index = api.get("/history").expect(200).body();
        var month = api.get("/history?month=2021-12").expect(200);
        var path = api.get("/history/2021-12").expect(200);

        assertThat(index).contains("<a href=\"/history/2021-12\">December 2021</a>");
        assertThat(month.body()).contains("Incident history: December 2021", story.title());
        // The same document under both addresses (a newer snapshot may have come between the two requests).
        assertThat(path.body()).contains("Incident history: December 2021", story.title());
        assertThat(month.header("ETag")).isNotBlank();
        assertThat(api.get("/history?month=2021-13").expect(400).body()).contains("month");
        assertThat(api.get("/history?month=last").expect(400).body()).contains("month");
    }

    @Test
    void fragmentsAndHistoryComeFromTheSnapshotWithEntityTagsAndRevalidateTo304() throws Exception {
        IncidentStory story = IncidentStory.of("Fragment " + UUID.randomUUID());
        events.publish(story.open(Impact.MAJOR, "Partly down."));
        awaitIncidentVersion(story.id(), 1);
        awaitSnapshot();

        for (String path : java.util.List.of("/fragments/summary", "/fragments/components", "/fragments/incidents/" + story.id(), "/history",
                "/assets/brand.css")) {
            await().atMost(TIMEOUT).untilAsserted(() -> {
                java.net.http.HttpResponse<String> full = get(path, null);
                String etag = full.headers().firstValue("ETag").orElseThrow();

                java.net.http.HttpResponse<String> revalidated = get(path, etag);

                assertThat(full.statusCode()).as(path).isEqualTo(200);
                assertThat(full.headers().firstValue("Cache-Control")).as(path).isPresent();
                assertThat(revalidated.statusCode()).as(path).isEqualTo(304);
            });
        }
        String summary = get("/fragments/summary", null).body();
        assertThat(summary).startsWith("<div id=\"summary\">").contains("class=\"overall-text\"", story.title(), "major impact")
                .doesNotContain("<html", "id=\"components\"");
        assertThat(get("/fragments/incidents/" + story.id(), null).body()).startsWith("<article class=\"incident open impact-major\"");
    }

    private java.net.http.HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anOpenIncidentShowsItsLatestUpdateWithTheEarlierFoldedAndAResolvedOneLosesTheStripe() {
        IncidentStory open = IncidentStory.of("Folded " + UUID.randomUUID());
        IncidentStory resolved = IncidentStory.of("Stripeless " + UUID.randomUUID());
        events.publish(open.open(Impact.MINOR, "First look."), open.update(io.sitrep.events.IncidentStatus.IDENTIFIED, Impact.MINOR, "Found it."),
                open.update(io.sitrep.events.IncidentStatus.MONITORING, Impact.MINOR, "Watching."),
                resolved.open(Impact.CRITICAL, "Down."), resolved.resolve("Up again."));
        awaitIncidentVersion(open.id(), 3);
        awaitIncidentVersion(resolved.id(), 2);
        awaitSnapshot();

        String html = api.get("/").expect(200).body();

        String card = html.substring(html.indexOf("<article class=\"incident open impact-minor\" id=\"incident-" + open.id()));
        card = card.substring(0, card.indexOf("</article>"));
        String latest = card.substring(card.indexOf("<ol class=\"timeline latest\">"), card.indexOf("</ol>"));
        String folded = card.substring(card.indexOf("<details class=\"earlier\"><summary>Earlier updates (2)</summary>"));
        assertThat(latest).contains("Watching.").doesNotContain("Found it.");
        assertThat(folded).contains("Found it.", "First look.");
        assertThat(html).contains("<article class=\"incident resolved\" id=\"incident-" + resolved.id() + "\"")
                .doesNotContain("impact-critical\" id=\"incident-" + resolved.id());
    }

    @Test
    void timesAreMachineReadableAndInTheConfiguredZoneWithoutJavaScript() {
        IncidentStory story = IncidentStory.of("Zoned " + UUID.randomUUID()).at(Instant.parse("2030-06-01T10:00:00Z"));
        events.publish(story.open(Impact.MINOR, "Slow."));
        awaitIncidentVersion(story.id(), 1);

        String html = api.get("/incidents/" + story.id()).expect(200).body();

        assertThat(html).contains("<time datetime=\"2030-06-01T10:00:00Z\">Jun 1, 2030 12:00 CEST</time>");
        assertThat(api.get("/api/v2/summary.json").expect(200).body()).contains("\"time_zone\":\"Europe/Berlin\"");
    }

    @Test
    void brandingAndTheSubscribeFormAreOnThePage() {
        awaitSnapshot();

        String html = api.get("/").expect(200).body();

        assertThat(html).contains("<title>Acme status</title>", "<img class=\"logo\" src=\"https://cdn.example/logo.png\"",
                "<a href=\"https://support.example/\">Support</a>", "data-refresh-spread-ms=\"3000\"");
        assertThat(api.get("/assets/brand.css").expect(200).body()).contains("--accent:#12ab34");
        String form = html.substring(html.indexOf("<form class=\"subscribe\""), html.indexOf("</form>"));
        assertThat(form).contains("method=\"post\"", "action=\"http://localhost:8082/api/v1/public/subscriptions\"",
                "type=\"email\" name=\"email\"", "name=\"website\"");
    }
}
