package io.sitrep.timeline.feed;

import io.sitrep.timeline.page.PageSettings;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.PostmortemView;
import io.sitrep.timeline.readmodel.TimelineEntry;
import io.sitrep.timeline.snapshot.KeptFragments;
import io.sitrep.timeline.web.XmlText;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the incident history as RSS 2.0, as Statuspage's {@code /history.rss} offers it: one item per incident,
 * newest first by when it last changed, whose description lists its updates, newest first, and its postmortem as
 * sanitized HTML. Dates are RFC 822 (as RFC 1123 writes them, in GMT), as RSS 2.0 asks.
 */
final class RssHistory {

    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private RssHistory() {
    }

    /**
     * The history of these incidents; each item as {@code kept} holds it while the incident is unchanged. With no incident,
     * {@code lastBuildDate} is {@code whenEmpty} (the last change of what it reflects), as for the Atom feed.
     */
    static String write(PageSettings page, List<IncidentView> incidents, Map<UUID, List<TimelineEntry>> timelines,
                        Map<UUID, PostmortemView> postmortems, Instant whenEmpty, AtomFeed.Kept kept) {
        List<IncidentView> newestFirst = incidents.stream()
                .sorted(Comparator.comparing((IncidentView incident) -> AtomFeed.updated(incident, timelines, postmortems)).reversed()
                        .thenComparing(IncidentView::id))
                .toList();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = AtomFeed.writer(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeStartElement("channel");
            AtomFeed.element(xml, "title", page.name() + " status - incident history");
            AtomFeed.element(xml, "link", page.url() + "/");
            AtomFeed.element(xml, "description", "Incidents of " + page.name() + ", newest first");
            AtomFeed.element(xml, "language", "en");
            Instant built = newestFirst.isEmpty() ? whenEmpty : AtomFeed.updated(newestFirst.get(0), timelines, postmortems);
            AtomFeed.element(xml, "lastBuildDate", RFC_822.format(built));
            AtomFeed.element(xml, "generator", "Sitrep timeline-service");
            // The items as written on their own: every element before them is closed, so they follow as they are.
            xml.flush();
            for (IncidentView incident : newestFirst) {
                Instant updated = AtomFeed.updated(incident, timelines, postmortems);
                AtomFeed.EntryInputs inputs = new AtomFeed.EntryInputs(incident,
                        List.copyOf(timelines.getOrDefault(incident.id(), List.of())), postmortems.get(incident.id()));
                out.write(kept.items().get(inputs, written -> AtomFeed.fragment(item -> item(item, page, written, updated, kept.updates())),
                        kept::retainUpdates));
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the RSS history", e);
        }
        return out.toString();
    }

    private static void item(XMLStreamWriter xml, PageSettings page, AtomFeed.EntryInputs inputs, Instant updated,
                             KeptFragments<TimelineEntry> updates) throws XMLStreamException {
        IncidentView incident = inputs.incident();
        xml.writeStartElement("item");
        AtomFeed.element(xml, "title", incident.title());
        AtomFeed.element(xml, "description", AtomFeed.html(inputs.timeline(), inputs.postmortem(), updates));
        AtomFeed.element(xml, "pubDate", RFC_822.format(updated));
        AtomFeed.element(xml, "link", page.url() + "/incidents/" + incident.id());
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", "false");
        xml.writeCharacters(XmlText.clean("urn:uuid:" + incident.id()));
        xml.writeEndElement();
        AtomFeed.element(xml, "category", incident.status().wireName());
        xml.writeEndElement();
    }
}
