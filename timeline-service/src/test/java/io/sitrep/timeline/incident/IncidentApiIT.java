package io.sitrep.timeline.incident;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentResolved;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.IncidentUpdated;
import io.sitrep.events.PostmortemPublished;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import io.sitrep.timeline.readmodel.IncidentCursor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.sitrep.timeline.IncidentStory.change;
import static org.assertj.core.api.Assertions.assertThat;

/** Incident events in, the incident API out: detail with timeline and postmortem, lists, filters, asOf. */
class IncidentApiIT extends IntegrationTest {

    @Test
    void anIncidentsEventsMakeItsTimelineAndPostmortem() {
        IncidentStory story = IncidentStory.of("Elevated error rates in eu-west");
        IncidentOpened opened = story.open(Impact.MAJOR, "We are investigating.",
                change("api", "Public API", ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL));
        IncidentUpdated identified = story.update(IncidentStatus.IDENTIFIED, Impact.CRITICAL, "DNS is failing.",
                change("api", "Public API", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.PARTIAL_OUTAGE));
        IncidentResolved resolved = story.resolve("DNS records restored.",
                change("api", "Public API", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE));
        PostmortemPublished postmortem = story.postmortem("## What happened\nAn empty DNS record.");

        events.publish(opened, identified, resolved, postmortem);

        JsonNode incident = awaitIncidentVersion(story.id(), 4);
        assertThat(incident.get("title").asString()).isEqualTo("Elevated error rates in eu-west");
        assertThat(incident.get("status").asString()).isEqualTo("resolved");
        assertThat(incident.get("impact").asString()).isEqualTo("critical");
        assertThat(Instant.parse(incident.get("resolvedAt").asString())).isEqualTo(resolved.occurredAt());
        assertThat(incident.get("components").get(0).get("status").asString()).isEqualTo("operational");
        JsonNode timeline = incident.get("timeline");
        assertThat(timeline.size()).isEqualTo(3);
        assertThat(timeline.valueStream().map(e -> e.get("status").asString())).containsExactly("investigating", "identified", "resolved");
        assertThat(timeline.valueStream().map(e -> e.get("type").asString()))
                .containsExactly("incident.opened", "incident.updated", "incident.resolved");
        JsonNode second = timeline.get(1);
        assertThat(second.get("message").asString()).isEqualTo("DNS is failing.");
        assertThat(second.get("previousStatus").asString()).isEqualTo("investigating");
        assertThat(second.get("previousImpact").asString()).isEqualTo("major");
        assertThat(Instant.parse(second.get("occurredAt").asString())).isEqualTo(identified.occurredAt());
        assertThat(Instant.parse(second.get("publishedAt").asString())).isEqualTo(identified.publishedAt());
        assertThat(second.get("eventId").asString()).isEqualTo(identified.eventId().toString());
        assertThat(second.get("id").asString()).isEqualTo(identified.update().id().toString());
        assertThat(second.get("componentChanges").get(0).get("status").asString()).isEqualTo("major_outage");
        assertThat(second.get("componentChanges").get(0).get("previousStatus").asString()).isEqualTo("partial_outage");
        assertThat(incident.get("postmortem").get("revision").asInt()).isEqualTo(1);
        assertThat(incident.get("postmortem").get("body").asString()).startsWith("## What happened");
        assertThat(incident.get("asOf").isNull()).isTrue();
    }

    @Test
    void aRevisedPostmortemReplacesTheFirst() {
        IncidentStory story = IncidentStory.of("Revised");
        events.publish(story.open(Impact.MINOR, "Looking."), story.resolve("Done."), story.postmortem("First draft."),
                story.postmortem("Second draft."));

        JsonNode incident = awaitIncidentVersion(story.id(), 4);

        assertThat(incident.get("postmortem").get("revision").asInt()).isEqualTo(2);
        assertThat(incident.get("postmortem").get("body").asString()).isEqualTo("Second draft.");
    }

    @Test
    void asOfShowsTheIncidentAsItWasPublishedAtThatMoment() {
        Instant start = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        IncidentStory story = IncidentStory.startingAt("Backfilled", start);
        IncidentOpened opened = story.open(Impact.MINOR, "Slow responses.");
        IncidentUpdated identified = story.update(IncidentStatus.IDENTIFIED, Impact.MAJOR, "A bad deploy.");
        IncidentResolved resolved = story.resolve("Rolled back.");
        PostmortemPublished postmortem = story.postmortem("The deploy skipped a canary.");
        events.publish(opened, identified, resolved, postmortem);
        awaitIncidentVersion(story.id(), 4);

        JsonNode early = api.get("/api/v1/incidents/" + story.id() + "?asOf=" + opened.publishedAt().plusSeconds(1)).expect(200).json();
        JsonNode later = api.get("/api/v1/incidents/" + story.id() + "?asOf=" + identified.publishedAt()).expect(200).json();
        JsonNode beforeResolvedPostmortem = api.get("/api/v1/incidents/" + story.id() + "?asOf=" + resolved.publishedAt()).expect(200).json();
        JsonNode now = api.get("/api/v1/incidents/" + story.id() + "?asOf=" + Instant.now()).expect(200).json();

        assertThat(early.get("status").asString()).isEqualTo("investigating");
        assertThat(early.get("impact").asString()).isEqualTo("minor");
        assertThat(early.get("version").asLong()).isEqualTo(1);
        assertThat(early.get("timeline").size()).isEqualTo(1);
        assertThat(early.get("postmortem").isNull()).isTrue();
        assertThat(Instant.parse(early.get("asOf").asString())).isEqualTo(opened.publishedAt().plusSeconds(1));
        assertThat(later.get("status").asString()).isEqualTo("identified");
        assertThat(later.get("timeline").size()).isEqualTo(2);
        assertThat(beforeResolvedPostmortem.get("status").asString()).isEqualTo("resolved");
        assertThat(beforeResolvedPostmortem.get("postmortem").isNull()).isTrue();
        assertThat(now.get("version").asLong()).isEqualTo(4);
        assertThat(now.get("postmortem").get("body").asString()).isEqualTo("The deploy skipped a canary.");
    }

    @Test
    void asOfBeforeTheIncidentWasPublishedIsNotFound() {
        IncidentStory story = IncidentStory.of("Not yet");
        IncidentOpened opened = story.open(Impact.NONE, "Heads up.");
        events.publish(opened);
        awaitIncidentVersion(story.id(), 1);

        api.get("/api/v1/incidents/" + story.id() + "?asOf=" + opened.publishedAt().minusSeconds(1)).expectProblem(404, "unknown-incident");
    }

    @Test
    void theListIsNewestFirstAndPagesWithACursor() {
        String component = "list-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        List<IncidentStory> stories = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            IncidentStory story = IncidentStory.startingAt("Listed " + i, start.plus(Duration.ofHours(i)));
            events.publish(story.open(Impact.MINOR, "Number " + i, change(component, "Listed", ComponentStatus.DEGRADED_PERFORMANCE,
                    ComponentStatus.OPERATIONAL)));
            stories.add(story);
        }
        events.publish(stories.get(1).resolve("Over."), stories.get(3).resolve("Over."));
        awaitIncidentVersion(stories.get(3).id(), 2);
        awaitIncidentVersion(stories.get(1).id(), 2);

        JsonNode first = api.get("/api/v1/incidents?component=" + component + "&limit=2").expect(200).json();
        JsonNode second = api.get("/api/v1/incidents?component=" + component + "&limit=2&cursor=" + first.get("nextCursor").asString())
                .expect(200).json();
        JsonNode third = api.get("/api/v1/incidents?component=" + component + "&limit=2&cursor=" + second.get("nextCursor").asString())
                .expect(200).json();

        List<String> titles = new ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) {
            page.get("items").forEach(item -> titles.add(item.get("title").asString()));
        }
        assertThat(titles).containsExactly("Listed 4", "Listed 3", "Listed 2", "Listed 1", "Listed 0");
        assertThat(third.get("nextCursor").isNull()).isTrue();
        assertThat(first.get("items").get(0).has("timeline")).isFalse();
        assertThat(titles(api.get("/api/v1/incidents?status=open&component=" + component).expect(200).json()))
                .containsExactly("Listed 4", "Listed 2", "Listed 0");
        assertThat(titles(api.get("/api/v1/incidents?status=resolved&component=" + component).expect(200).json()))
                .containsExactly("Listed 3", "Listed 1");
        assertThat(titles(api.get("/api/v1/incidents?component=" + component + "&since=" + start.plus(Duration.ofHours(1))
                + "&until=" + start.plus(Duration.ofHours(3))).expect(200).json()))
                .containsExactly("Listed 2", "Listed 1");
    }

    @Test
    void anUnknownIncidentIsNotFound() {
        api.get("/api/v1/incidents/" + UUID.randomUUID()).expectProblem(404, "unknown-incident");
    }

    // Security hardening: an incident with a huge timeline made every answer that embeds it as large.
    @Test
    void aLongTimelineIsCappedInEveryAnswerAndPagedThroughItsOwnEndpoint() {
        IncidentStory story = IncidentStory.of("Long-running");
        List<io.sitrep.events.SitrepEvent> updates = new ArrayList<>();
        updates.add(story.open(Impact.MINOR, "Update 1"));
        for (int i = 2; i <= 130; i++) {
            updates.add(story.update(IncidentStatus.INVESTIGATING, Impact.MINOR, "Update " + i));
        }
        events.publish(updates.toArray(io.sitrep.events.SitrepEvent[]::new));
        awaitIncidentVersion(story.id(), 130);

        var answer = api.get("/api/v1/incidents/" + story.id()).expect(200);

        JsonNode incident = answer.json();
        assertThat(incident.get("timeline")).hasSize(100);
        assertThat(incident.get("timeline").get(0).get("message").asString()).isEqualTo("Update 31");
        assertThat(incident.get("timeline").get(99).get("message").asString()).isEqualTo("Update 130");
        String earlier = incident.get("earlierTimeline").asString();
        assertThat(earlier).startsWith("/api/v1/incidents/" + story.id() + "/timeline?cursor=");
        assertThat(answer.header("Link")).isEqualTo("<" + earlier + ">; rel=\"next\"");
        JsonNode rest = api.get(earlier).expect(200).json();
        assertThat(rest.get("items")).hasSize(30);
        assertThat(rest.get("items").get(0).get("message").asString()).isEqualTo("Update 30");
        assertThat(rest.get("nextCursor").isNull()).isTrue();
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/incidents/" + story.id() + "/timeline?limit=50" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200).json();
            page.get("items").forEach(entry -> paged.add(entry.get("message").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(paged).hasSize(130).startsWith("Update 130").endsWith("Update 1");
        JsonNode statuspage = api.get("/api/v2/incidents.json").expect(200).json();
        for (JsonNode spIncident : statuspage.get("incidents")) {
            if (spIncident.get("id").asString().equals(story.id().toString())) {
                assertThat(spIncident.get("incident_updates")).hasSize(100);
                assertThat(spIncident.get("incident_updates").get(0).get("body").asString()).isEqualTo("Update 130");
            }
        }
        assertThat(api.get("/api/v1/incidents/" + UUID.randomUUID() + "/timeline").status()).isEqualTo(404);
        assertThat(field(api.get("/api/v1/incidents/" + story.id() + "/timeline?cursor=nope").expectProblem(400, "invalid-parameter")))
                .isEqualTo("cursor");
    }

    // Security hardening: instants the database cannot hold, NUL and malformed encodings were answered 500 with the database's words.
    @Test
    void valuesOutOfRangeOrMalformedAreRefusedNamingTheParameter() throws Exception {
        assertThat(field(api.get("/api/v1/incidents?since=0001-01-01T00:00:00Z").expectProblem(400, "invalid-parameter"))).isEqualTo("since");
        assertThat(field(api.get("/api/v1/incidents?until=9999-12-31T23:59:59Z").expectProblem(400, "invalid-parameter"))).isEqualTo("until");
        assertThat(field(api.get("/api/v1/incidents/" + UUID.randomUUID() + "?asOf=%2B294276-01-01T00:00:00Z")
                .expectProblem(400, "invalid-parameter"))).isEqualTo("asOf");
        assertThat(field(api.get("/api/v1/incidents?component=%00").expectProblem(400, "invalid-parameter"))).isEqualTo("component");
        String farCursor = new IncidentCursor(Instant.parse("+100000-01-01T00:00:00Z"), UUID.randomUUID()).encode();
        assertThat(field(api.get("/api/v1/incidents?cursor=" + farCursor).expectProblem(400, "invalid-parameter"))).isEqualTo("cursor");
        assertThat(field(api.get("/api/v1/incidents/not-a-uuid/timeline").expectProblem(400, "invalid-parameter"))).isEqualTo("id");

        RawAnswer malformed = raw("/api/v1/incidents?cursor=%%%");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.body()).contains("invalid-parameter").contains("cursor").doesNotContainIgnoringCase("<html");
    }

    // Security hardening: requests the container refuses itself were answered with its HTML error page.
    @Test
    void requestsTheContainerRefusesAreProblemsToo() throws Exception {
        for (String target : List.of("/api/v1/incidents?cursor=a|b", "/api/v1/incidents/%00", "/api/v1/components/%00")) {
            RawAnswer answer = raw(target);

            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.contentType()).as(target).startsWith("application/problem+json");
            assertThat(answer.body()).as(target).contains("\"status\":400").doesNotContainIgnoringCase("<html");
        }
    }

    /** A request sent as written, for a query a URI class would refuse to build. */
    private RawAnswer raw(String pathAndQuery) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int headersEnd = answer.indexOf("\r\n\r\n");
            String headers = answer.substring(0, headersEnd);
            String contentType = headers.lines().filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("");
            return new RawAnswer(Integer.parseInt(headers.split(" ")[1]), contentType, answer.substring(headersEnd + 4));
        }
    }

    private record RawAnswer(int status, String contentType, String body) {
    }

    @Test
    void badQueryParametersAreRefusedNamingTheParameter() {
        assertThat(field(api.get("/api/v1/incidents?status=closed").expectProblem(400, "invalid-parameter"))).isEqualTo("status");
        assertThat(field(api.get("/api/v1/incidents?limit=0").expectProblem(400, "invalid-parameter"))).isEqualTo("limit");
        assertThat(field(api.get("/api/v1/incidents?limit=many").expectProblem(400, "invalid-parameter"))).isEqualTo("limit");
        assertThat(field(api.get("/api/v1/incidents?since=yesterday").expectProblem(400, "invalid-parameter"))).isEqualTo("since");
        assertThat(field(api.get("/api/v1/incidents?since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z")
                .expectProblem(400, "invalid-parameter"))).isEqualTo("until");
        assertThat(field(api.get("/api/v1/incidents?cursor=not-a-cursor").expectProblem(400, "invalid-parameter"))).isEqualTo("cursor");
        assertThat(field(api.get("/api/v1/incidents/" + UUID.randomUUID() + "?asOf=noon").expectProblem(400, "invalid-parameter")))
                .isEqualTo("asOf");
        assertThat(field(api.get("/api/v1/incidents/not-a-uuid").expectProblem(400, "invalid-parameter"))).isEqualTo("id");
    }

    private static String field(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asString();
    }

    private static List<String> titles(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("title").asString()).toList();
    }
}
