package io.sitrep.timeline.feed;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.testsupport.Api;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import io.sitrep.timeline.MaintenanceStory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The feed parses as Atom 1.0 (RFC 4287) and carries each incident, and each maintenance window, with its updates. */
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
