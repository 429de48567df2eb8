package io.sitrep.timeline.feed;

import io.sitrep.support.markdown.Markdown;
import io.sitrep.timeline.page.PageSettings;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.MaintenanceUpdateEntry;
import io.sitrep.timeline.readmodel.MaintenanceView;
import io.sitrep.timeline.readmodel.PostmortemView;
import io.sitrep.timeline.readmodel.TimelineEntry;
import io.sitrep.timeline.web.XmlText;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an Atom 1.0 feed (RFC 4287) with one entry per incident, as Statuspage's history feed does, and one
 * per maintenance window:
 * the entry's content lists the incident's updates, newest first, and its postmortem, their Markdown rendered
 * as sanitized HTML (the summary keeps the Markdown source as text). An entry's
 * {@code updated} moves with each update, so feed readers see it change. Characters XML 1.0 forbids
 * are written as U+FFFD, so that strict parsers read the feed whatever the incidents say.
 */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("MMM d, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WINDOW = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private AtomFeed() {
    }

    /** The feed of incidents, followed by an entry per maintenance window. */
    static String write(PageSettings page, List<IncidentView> incidents, Map<UUID, List<TimelineEntry>> timelines,
                        Map<UUID, PostmortemView> postmortems, List<MaintenanceView> maintenances,
                        Map<UUID, List<MaintenanceUpdateEntry>> maintenanceUpdates, Instant now) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
            element(xml, "id", page.url() + "/feed.atom");
            element(xml, "title", page.name() + " status");
            Instant feedUpdated = incidents.stream().map(incident -> updated(incident, timelines, postmortems))
                    .max(Instant::compareTo).orElse(null);
            for (MaintenanceView maintenance : maintenances) {
                if (feedUpdated == null || maintenance.updatedAt().isAfter(feedUpdated)) {
                    feedUpdated = maintenance.updatedAt();
                }
            }
            if (feedUpdated == null) {
                feedUpdated = now;
            }
            element(xml, "updated", feedUpdated.toString());
            link(xml, "self", "application/atom+xml", page.url() + "/feed.atom");
            link(xml, "alternate", "text/html", page.url() + "/");
            xml.writeStartElement("author");
            element(xml, "name", page.name());
            element(xml, "uri", page.url() + "/");
            xml.writeEndElement();
            element(xml, "generator", "Sitrep timeline-service");
            for (IncidentView incident : incidents) {
                entry(xml, page, incident, timelines.getOrDefault(incident.id(), List.of()), postmortems.get(incident.id()),
                        updated(incident, timelines, postmortems));
            }
            for (MaintenanceView maintenance : maintenances) {
                entry(xml, page, maintenance, maintenanceUpdates.getOrDefault(maintenance.id(), List.of()));
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the Atom feed", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, PageSettings page, IncidentView incident, List<TimelineEntry> timeline,
                              PostmortemView postmortem, Instant updated) throws XMLStreamException {
        xml.writeStartElement("entry");
        element(xml, "id", "urn:uuid:" + incident.id());
        element(xml, "title", incident.title());
        element(xml, "published", (timeline.isEmpty() ? incident.createdAt() : timeline.get(0).publishedAt()).toString());
        element(xml, "updated", updated.toString());
        link(xml, "alternate", "text/html", page.url() + "/incidents/" + incident.id());
        xml.writeStartElement("category");
        xml.writeAttribute("term", XmlText.clean(incident.status().wireName()));
        xml.writeEndElement();
        element(xml, "summary", label(incident.status().wireName()) + " (impact: " + incident.impact().wireName() + ")"
                + (timeline.isEmpty() ? "" : ": " + timeline.get(timeline.size() - 1).message()));
        StringBuilder html = new StringBuilder();
        if (postmortem != null) {
            html.append("<p><strong>Postmortem</strong> (revision ").append(postmortem.revision()).append(", ")
                    .append(DISPLAY.format(postmortem.publishedAt())).append(")</p>").append(Markdown.toHtml(postmortem.body()));
        }
        for (int i = timeline.size() - 1; i >= 0; i--) {
            TimelineEntry entry = timeline.get(i);
            html.append("<p><small>").append(DISPLAY.format(entry.occurredAt())).append("</small><br><strong>")
                    .append(label(entry.status().wireName())).append("</strong></p>").append(Markdown.toHtml(entry.message()));
        }
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(XmlText.clean(html.toString()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /**
     * A maintenance window's entry: its title marked as scheduled maintenance, the planned window in UTC,
     * and its updates, newest first. Its {@code updated} moves with each change of the window.
     */
    private static void entry(XMLStreamWriter xml, PageSettings page, MaintenanceView maintenance, List<MaintenanceUpdateEntry> updates)
            throws XMLStreamException {
        xml.writeStartElement("entry");
        element(xml, "id", "urn:uuid:" + maintenance.id());
        element(xml, "title", "Scheduled maintenance: " + maintenance.title());
        element(xml, "published", maintenance.createdAt().toString());
        element(xml, "updated", maintenance.updatedAt().toString());
        link(xml, "alternate", "text/html", page.url() + "/#maintenance-" + maintenance.id());
        xml.writeStartElement("category");
        xml.writeAttribute("term", "maintenance");
        xml.writeEndElement();
        xml.writeStartElement("category");
        xml.writeAttribute("term", XmlText.clean(maintenance.status().wireName()));
        xml.writeEndElement();
        String window = WINDOW.format(maintenance.scheduledFor()) + " to " + WINDOW.format(maintenance.scheduledUntil());
        element(xml, "summary", label(maintenance.status().wireName()) + ", scheduled " + window
                + (updates.isEmpty() ? "" : ": " + updates.get(updates.size() - 1).message()));
        StringBuilder html = new StringBuilder("<p><strong>Scheduled for</strong> ").append(escape(window)).append("</p>");
        for (int i = updates.size() - 1; i >= 0; i--) {
            MaintenanceUpdateEntry entry = updates.get(i);
            html.append("<p><small>").append(DISPLAY.format(entry.occurredAt())).append("</small><br><strong>")
                    .append(label(entry.status().wireName())).append("</strong></p>").append(Markdown.toHtml(entry.message()));
        }
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(XmlText.clean(html.toString()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static Instant updated(IncidentView incident, Map<UUID, List<TimelineEntry>> timelines, Map<UUID, PostmortemView> postmortems) {
        Instant updated = incident.updatedAt();
        for (TimelineEntry entry : timelines.getOrDefault(incident.id(), List.of())) {
            if (entry.publishedAt().isAfter(updated)) {
                updated = entry.publishedAt();
            }
        }
        PostmortemView postmortem = postmortems.get(incident.id());
        if (postmortem != null && postmortem.publishedAt().isAfter(updated)) {
            updated = postmortem.publishedAt();
        }
        return updated;
    }

    /** An element with text; characters XML 1.0 forbids become U+FFFD (the event log may hold some). */
    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(XmlText.clean(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", XmlText.clean(href));
    }

    private static String label(String wireName) {
        return Character.toUpperCase(wireName.charAt(0)) + wireName.substring(1).replace('_', ' ');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
