package io.sitrep.timeline.feed;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.testsupport.Api;
import io.sitrep.timeline.ComponentStory;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import io.sitrep.timeline.MaintenanceStory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The feed is valid Atom 1.0 (RFC 4287, against the committed schema), newest first, and carries each incident, and each
 * maintenance window, with its updates; a component's feed carries what affects it.
 */
class AtomFeedIT extends IntegrationTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    // Security hardening: characters XML 1.0 forbids, held by the event log, made the whole feed unreadable to strict parsers.
    @Test
    void charactersXmlForbidsAreWrittenAsReplacementCharacters() throws Exception {
        String raw = "Null \u0000 bell \u0007 nonchar \uFFFE lone \uD800 end";
        String replaced = "Null \uFFFD bell \uFFFD nonchar \uFFFD lone \uFFFD end";
        IncidentStory story = IncidentStory.of("Title: " + raw);
        events.publish(story.open(Impact.MINOR, "Message: " + raw));
        awaitIncidentVersion(story.id(), 1);

        Api.Response response = api.get("/feed.atom").expect(200);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        Element entry = children(document.getDocumentElement(), "entry").stream()
                .filter(e -> text(e, "id").equals("urn:uuid:" + story.id())).findFirst().orElseThrow();
        assertThat(text(entry, "title")).isEqualTo("Title: " + replaced);
        assertThat(text(entry, "summary")).endsWith("Message: " + replaced);
        assertThat(text(entry, "content")).contains("Message: " + replaced);
    }

    @Test
    void theFeedIsAtomWithAnEntryPerIncidentAndItsUpdates() throws Exception {
        IncidentStory story = IncidentStory.of("Feed <outage> & more");
        events.publish(story.open(Impact.MAJOR, "Errors < 5% of requests."), story.update(IncidentStatus.IDENTIFIED, Impact.MAJOR,
                "A bad certificate."), story.resolve("Certificate replaced."), story.postmortem("## Why\nIt expired."));
        awaitIncidentVersion(story.id(), 4);

        Api.Response response = api.get("/feed.atom").expect(200);

        assertThat(response.header("Content-Type")).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        Element feed = document.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(children(feed, required)).as("feed/%s", required).hasSize(1);
        }
        assertThat(Instant.parse(text(feed, "updated"))).isNotNull();
        assertThat(children(feed, "link").stream().filter(link -> link.getAttribute("rel").equals("self"))).hasSize(1);
        List<Element> entries = children(feed, "entry");
        assertThat(entries).isNotEmpty();
        for (Element entry : entries) {
            for (String required : List.of("id", "title", "updated")) {
                assertThat(children(entry, required)).as("entry/%s", required).hasSize(1);
            }
            assertThat(Instant.parse(text(entry, "updated"))).isNotNull();
            assertThat(text(entry, "id")).startsWith("urn:uuid:");
        }
        Element entry = entries.stream().filter(e -> text(e, "id").equals("urn:uuid:" + story.id())).findFirst().orElseThrow();
        assertThat(text(entry, "title")).isEqualTo("Feed <outage> & more");
        String content = text(entry, "content");
        assertThat(children(entry, "content").get(0).getAttribute("type")).isEqualTo("html");
        assertThat(content).contains("Errors &lt; 5% of requests.", "A bad certificate.", "Certificate replaced.", "Postmortem");
        assertThat(content.indexOf("Certificate replaced.")).isLessThan(content.indexOf("A bad certificate."));
        assertThat(children(entry, "link").get(0).getAttribute("href")).endsWith("/incidents/" + story.id());
    }

    // Issue 13: the feed's HTML content carried messages as escaped text; Markdown is rendered and sanitized now.
    @Test
    void anEntrysContentShowsMessagesAndPostmortemAsSanitizedMarkdown() throws Exception {
        IncidentStory story = IncidentStory.of("Feed markdown");
        events.publish(story.open(Impact.MAJOR, "We are **investigating**.\n\n<script>alert('feed')</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(2)>"),
                story.update(IncidentStatus.IDENTIFIED, Impact.MAJOR, "| Region | Errors |\n|---|---|\n| eu-west | 5% |\n\n- drained web-1\n- restarted it"),
                story.resolve("Fixed, see [the runbook](https://runbook.example/feed)."), story.postmortem("# Cause\n\n`openssl` said so."));
        awaitIncidentVersion(story.id(), 4);

        Api.Response response = api.get("/feed.atom").expect(200);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        Element entry = children(document.getDocumentElement(), "entry").stream()
                .filter(e -> text(e, "id").equals("urn:uuid:" + story.id())).findFirst().orElseThrow();
        assertThat(children(entry, "content").get(0).getAttribute("type")).isEqualTo("html");
        String content = text(entry, "content");
        assertThat(content).contains("<strong>investigating</strong>", "<table>", "<td>eu-west</td>",
                        "<ul><li>drained web-1</li><li>restarted it</li></ul>", "<h3>Cause</h3>", "<code>openssl</code>")
                .containsPattern("<a href=\"https://runbook\\.example/feed\" rel=\"(nofollow noopener|noopener nofollow)\">the runbook</a>")
                .doesNotContain("<script", "alert(", "javascript:", "onerror", "<img");
        assertThat(text(entry, "summary")).as("the summary is text: the Markdown source").endsWith("Fixed, see [the runbook](https://runbook.example/feed).");
    }

    // Issue 14: the feed had no entries for maintenance windows.
    @Test
    void theFeedHasAnEntryPerMaintenanceWindowWithItsWindowAndUpdates() throws Exception {
        Instant now = Instant.now();
        MaintenanceStory story = MaintenanceStory.of("Feed <maintenance>", now.minus(Duration.ofHours(3)),
                Instant.parse("2030-01-15T03:00:00Z"), Duration.ofHours(2), MaintenanceStory.component("api", "Public API"));
        events.publish(story.schedule("We will upgrade the database."), story.update(MaintenanceStatus.SCHEDULED, "Still on for tonight."));
        await().atMost(TIMEOUT).until(() -> api.get("/api/v1/maintenances/" + story.id()).status() == 200
                && api.get("/api/v1/maintenances/" + story.id()).json().get("version").asLong() == 2);
        awaitSnapshot();

        Api.Response response = api.get("/feed.atom").expect(200);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        Element entry = children(document.getDocumentElement(), "entry").stream()
                .filter(e -> text(e, "id").equals("urn:uuid:" + story.id())).findFirst().orElseThrow();
        assertThat(text(entry, "title")).isEqualTo("Scheduled maintenance: Feed <maintenance>");
        assertThat(Instant.parse(text(entry, "updated"))).isAfter(Instant.parse(text(entry, "published")));
        assertThat(children(entry, "category").stream().map(c -> c.getAttribute("term"))).containsExactly("maintenance", "scheduled");
        assertThat(text(entry, "summary")).contains("Jan 15, 2030 03:00 UTC to Jan 15, 2030 05:00 UTC");
        String content = text(entry, "content");
        assertThat(content).contains("Jan 15, 2030 03:00 UTC", "We will upgrade the database.", "Still on for tonight.");
        assertThat(content.indexOf("Still on for tonight.")).isLessThan(content.indexOf("We will upgrade the database."));
        assertThat(children(entry, "link").get(0).getAttribute("href")).endsWith("/#maintenance-" + story.id());
    }

    // issue 19: entries came incidents first, then maintenance windows, so a window changed after every incident came last.
    @Test
    void theFeedIsValidAtomWithEveryEntryNewestFirstByUpdated() throws Exception {
        Instant now = Instant.now();
        IncidentStory older = IncidentStory.startingAt("Opened first, changed last", now.minus(Duration.ofMinutes(3)));
        IncidentStory newer = IncidentStory.startingAt("Opened second", now.minus(Duration.ofMinutes(2)));
        events.publish(older.open(Impact.MINOR, "First."), newer.open(Impact.MINOR, "Second."),
                older.at(now.minus(Duration.ofMinutes(1))).update(IncidentStatus.IDENTIFIED, Impact.MINOR, "Found it."));
        MaintenanceStory window = MaintenanceStory.of("Changed just now", now.minus(Duration.ofSeconds(10)),
                Instant.parse("2030-02-01T03:00:00Z"), Duration.ofHours(1), MaintenanceStory.component("api", "Public API"));
        events.publish(window.schedule("Planned."));
        awaitIncidentVersion(older.id(), 2);
        await().atMost(TIMEOUT).until(() -> api.get("/api/v1/maintenances/" + window.id()).status() == 200);
        awaitSnapshot();

        String xml = api.get("/feed.atom").expect(200).body();

        FeedSchemas.assertValid(FeedSchemas.ATOM, xml);
        List<Element> entries = children(parse(xml).getDocumentElement(), "entry");
        List<Instant> updated = entries.stream().map(entry -> Instant.parse(text(entry, "updated"))).toList();
        assertThat(updated).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        List<String> ids = entries.stream().map(entry -> text(entry, "id")).toList();
        assertThat(ids).containsSubsequence("urn:uuid:" + window.id(), "urn:uuid:" + older.id(), "urn:uuid:" + newer.id());
        assertThat(Instant.parse(text(parse(xml).getDocumentElement(), "updated"))).isEqualTo(updated.get(0));
    }

    @Test
    void aComponentsFeedHoldsOnlyWhatAffectsItAndIsAnsweredFromTheSnapshotWithItsValidators() throws Exception {
        Instant now = Instant.now();
        ComponentStory component = ComponentStory.fresh("feed");
        events.publish(component.define("Feed API", null, now.minus(Duration.ofHours(1))));
        IncidentStory affecting = IncidentStory.of("Affects the component");
        IncidentStory elsewhere = IncidentStory.of("Affects nothing here");
        events.publish(affecting.open(Impact.MAJOR, "Slow.", IncidentStory.change(component.id(), "Feed API",
                        ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.OPERATIONAL)),
                elsewhere.open(Impact.MINOR, "Elsewhere."));
        awaitIncidentVersion(affecting.id(), 1);
        awaitIncidentVersion(elsewhere.id(), 1);

        Api.Response response = api.get("/feed.atom?component=" + component.id()).expect(200);
        Api.Response again = api.send("GET", "/feed.atom?component=" + component.id(), null, Map.of("If-None-Match", response.header("ETag")));

        assertThat(response.header("Content-Type")).startsWith("application/atom+xml");
        FeedSchemas.assertValid(FeedSchemas.ATOM, response.body());
        Element feed = parse(response.body()).getDocumentElement();
        assertThat(text(feed, "id")).endsWith("/feed.atom?component=" + component.id());
        assertThat(text(feed, "title")).endsWith("Feed API");
        assertThat(children(feed, "entry").stream().map(entry -> text(entry, "id"))).containsExactly("urn:uuid:" + affecting.id());
        assertThat(response.header("ETag")).isNotBlank();
        assertThat(response.header("Cache-Control")).isNotBlank();
        assertThat(response.header("Last-Modified")).isNotBlank();
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.header("ETag")).isEqualTo(response.header("ETag"));
    }

    // issue 16: a feed without entries said it was updated when the snapshot was built, so its bytes and its ETag changed
    // on every build although nothing it shows had changed.
    @Test
    void aFeedWithoutEntriesKeepsItsTagAcrossBuildsAndStatesTheLastChangeItReflects() throws Exception {
        Instant defined = Instant.parse("2026-03-04T05:06:07Z");
        ComponentStory component = ComponentStory.fresh("quiet");
        events.publish(component.define("Quiet API", null, defined));
        await().atMost(TIMEOUT).until(() -> api.get("/api/v1/components/" + component.id()).status() == 200);
        awaitSnapshot();
        Api.Response first = api.get("/feed.atom?component=" + component.id()).expect(200);
        long builtBefore = snapshots.current().version();

        IncidentStory elsewhere = IncidentStory.of("Elsewhere, to make new builds");
        events.publish(elsewhere.open(Impact.MINOR, "Elsewhere."));
        awaitIncidentVersion(elsewhere.id(), 1);
        Api.Response second = api.get("/feed.atom?component=" + component.id()).expect(200);

        assertThat(snapshots.current().version()).isGreaterThan(builtBefore);
        Element feed = parse(second.body()).getDocumentElement();
        assertThat(children(feed, "entry")).isEmpty();
        assertThat(Instant.parse(text(feed, "updated"))).isEqualTo(defined);
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void anUnknownComponentsFeedIsNotFoundAndAMalformedIdNamesTheParameter() {
        JsonNode unknown = api.get("/feed.atom?component=no-such-component").expectProblem(404, "unknown-component");
        JsonNode malformed = api.get("/feed.atom?component=Not%20an%20id").expectProblem(400, "invalid-parameter");

        assertThat(unknown.get("detail").asString()).contains("no-such-component");
        assertThat(malformed.get("errors").get(0).get("field").asString()).isEqualTo("component");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && ATOM.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                children.add(element);
            }
        }
        return children;
    }

    private static String text(Element parent, String name) {
        return children(parent, name).get(0).getTextContent();
    }
}
