package io.sitrep.timeline.feed;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.testsupport.Api;
import io.sitrep.timeline.IncidentStory;
import io.sitrep.timeline.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** issue 19: {@code /history.rss}, the incident history as RSS 2.0, as Statuspage offers it. */
class RssHistoryIT extends IntegrationTest {

    @Test
    void theHistoryIsValidRssWithAnItemPerIncidentNewestFirst() throws Exception {
        Instant now = Instant.now();
        IncidentStory older = IncidentStory.startingAt("History <first> & changed last", now.minus(Duration.ofMinutes(3)));
        IncidentStory newer = IncidentStory.startingAt("History second", now.minus(Duration.ofMinutes(2)));
        events.publish(older.open(Impact.MAJOR, "Errors < 5%."), newer.open(Impact.MINOR, "Slow."),
                older.at(now.minus(Duration.ofMinutes(1))).update(IncidentStatus.IDENTIFIED, Impact.MAJOR, "**Found** it."));
        awaitIncidentVersion(older.id(), 2);
        awaitIncidentVersion(newer.id(), 1);

        Api.Response response = api.get("/history.rss").expect(200);

        assertThat(response.header("Content-Type")).startsWith("application/rss+xml");
        FeedSchemas.assertValid(FeedSchemas.RSS, response.body());
        Element channel = children(parse(response.body()).getDocumentElement(), "channel").get(0);
        for (String required : List.of("title", "link", "description")) {
            assertThat(children(channel, required)).as("channel/%s", required).hasSize(1);
        }
        List<Element> items = children(channel, "item");
        List<ZonedDateTime> published = items.stream()
                .map(item -> ZonedDateTime.parse(text(item, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME)).toList();
        assertThat(published).isSortedAccordingTo(Comparator.reverseOrder());
        List<String> guids = items.stream().map(item -> text(item, "guid")).toList();
        assertThat(guids).containsSubsequence("urn:uuid:" + older.id(), "urn:uuid:" + newer.id());
        Element item = items.get(guids.indexOf("urn:uuid:" + older.id()));
        assertThat(text(item, "title")).isEqualTo("History <first> & changed last");
        assertThat(text(item, "link")).endsWith("/incidents/" + older.id());
        assertThat(text(item, "description")).contains("<strong>Found</strong> it.").contains("Errors &lt; 5%.");
        assertThat(text(item, "description").indexOf("Found")).isLessThan(text(item, "description").indexOf("Errors"));
    }

    @Test
    void theHistoryIsAnsweredFromTheSnapshotWithItsValidators() {
        Api.Response response = api.get("/history.rss").expect(200);
        Api.Response again = api.send("GET", "/history.rss", null, Map.of("If-None-Match", response.header("ETag")));

        assertThat(response.header("ETag")).isNotBlank();
        assertThat(response.header("Cache-Control")).isNotBlank();
        assertThat(response.header("Last-Modified")).isNotBlank();
        assertThat(again.status()).isEqualTo(304);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && name.equals(element.getTagName())) {
                children.add(element);
            }
        }
        return children;
    }

    private static String text(Element parent, String name) {
        return children(parent, name).get(0).getTextContent();
    }

    /** Issue 19: feed readers find the RSS history from the page itself, beside the Atom feed. */
    @Test
    void thePageAnnouncesTheRssHistoryBesideTheAtomFeed() {
        String page = api.get("/").expect(200).body();

        assertThat(page).contains("<link rel=\"alternate\" type=\"application/rss+xml\"")
                .contains("href=\"/history.rss\"")
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\"");
    }
}
