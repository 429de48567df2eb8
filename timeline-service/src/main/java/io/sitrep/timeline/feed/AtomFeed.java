package io.sitrep.timeline.feed;

import io.sitrep.timeline.web.RenderedMarkdown;
import io.sitrep.timeline.page.PageSettings;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.MaintenanceUpdateEntry;
import io.sitrep.timeline.readmodel.MaintenanceView;
import io.sitrep.timeline.readmodel.PostmortemView;
import io.sitrep.timeline.readmodel.TimelineEntry;
import io.sitrep.timeline.snapshot.KeptFragments;
import io.sitrep.timeline.web.XmlText;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an Atom 1.0 feed (RFC 4287) with one entry per incident, as Statuspage's history feed does, and one
 * per maintenance window, newest first by {@code updated}:
 * the entry's content lists the incident's updates, newest first, and its postmortem, their Markdown rendered
 * as sanitized HTML (the summary keeps the Markdown source as text). An entry's
 * {@code updated} moves with each update, so feed readers see it change. Characters XML 1.0 forbids
 * are written as U+FFFD, so that strict parsers read the feed whatever the incidents say.
 */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /**
     * Looked up once: a lookup reads the JDK's configuration and searches the class path for providers, about 0.6 ms
     * under the service's class loader, and a build writes an entry or item on its own for each changed incident.
     */
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("MMM d, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WINDOW = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private AtomFeed() {
    }

    /**
     * What an incident's entry (or item) is written from, besides the page's settings, which are fixed for the feeds'
     * controller that keeps them; equal inputs write equal bytes.
     */
    record EntryInputs(IncidentView incident, List<TimelineEntry> timeline, PostmortemView postmortem) {
    }

    /**
     * What the feeds keep from one build to the next: each incident's Atom entry and RSS item by what it is written from,
     * and each update's HTML (an entry's content and an item's description list them) by the update.
     */
    record Kept(KeptFragments<EntryInputs> entries, KeptFragments<EntryInputs> items, KeptFragments<TimelineEntry> updates) {

        void nextBuild() {
            entries.nextBuild();
            items.nextBuild();
            updates.nextBuild();
        }

        /** An entry or item taken over keeps its updates' HTML with it, at hand for when the incident changes. */
        void retainUpdates(EntryInputs taken) {
            taken.timeline().forEach(updates::retain);
        }
    }

    /**
     * A feed of the given incidents and maintenance windows, newest first by {@code updated}.
     *
     * @param path  the feed's own path and query, e.g. {@code /feed.atom?component=api}: its id and self link
     * @param title     the feed's title
     * @param whenEmpty the feed's {@code updated} when it has no entry: the last change of what it reflects, never the
     *                  build's time, so that a feed without entries keeps its bytes and its tag from build to build
     * @param kept      the incidents' entries and updates as written for the feeds of this build and the last
     */
    static String write(PageSettings page, String path, String title, List<IncidentView> incidents, Map<UUID, List<TimelineEntry>> timelines,
                        Map<UUID, PostmortemView> postmortems, List<MaintenanceView> maintenances,
                        Map<UUID, List<MaintenanceUpdateEntry>> maintenanceUpdates, Instant whenEmpty, Kept kept) {
        List<Entry> entries = new ArrayList<>();
        for (IncidentView incident : incidents) {
            Instant updated = updated(incident, timelines, postmortems);
            EntryInputs inputs = new EntryInputs(incident, List.copyOf(timelines.getOrDefault(incident.id(), List.of())),
                    postmortems.get(incident.id()));
            entries.add(new Entry(updated, incident.id(), kept.entries().get(inputs, written -> fragment(xml -> entry(xml, page, written.incident(),
                    written.timeline(), written.postmortem(), updated, kept.updates())), kept::retainUpdates)));
        }
        for (MaintenanceView maintenance : maintenances) {
            entries.add(new Entry(maintenance.updatedAt(), maintenance.id(),
                    fragment(xml -> entry(xml, page, maintenance, maintenanceUpdates.getOrDefault(maintenance.id(), List.of())))));
        }
        // Newest first; the id breaks ties, so that the same state always gives the same bytes (and entity tag).
        entries.sort(Comparator.comparing(Entry::updated).reversed().thenComparing(Entry::id));
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = writer(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
            element(xml, "id", page.url() + path);
            element(xml, "title", title);
            element(xml, "updated", (entries.isEmpty() ? whenEmpty : entries.get(0).updated()).toString());
            link(xml, "self", "application/atom+xml", page.url() + path);
            link(xml, "alternate", "text/html", page.url() + "/");
            xml.writeStartElement("author");
            element(xml, "name", page.name());
            element(xml, "uri", page.url() + "/");
            xml.writeEndElement();
            element(xml, "generator", "Sitrep timeline-service");
            // The entries as written on their own: every element before them is closed, so they follow as they are.
            xml.flush();
            for (Entry entry : entries) {
                out.write(entry.xml());
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the Atom feed", e);
        }
        return out.toString();
    }

    /** One entry, by when it was last updated, as written. */
    private record Entry(Instant updated, UUID id, String xml) {
    }

    @FunctionalInterface
    interface FragmentWriter {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    /** A writer of XML into {@code out}, from the one factory. */
    static XMLStreamWriter writer(StringWriter out) throws XMLStreamException {
        return XML_OUTPUT.createXMLStreamWriter(out);
    }

    /**
     * Elements written on their own, to go as they are into a document: the same characters as written in place, since
     * their names take the document's default namespace without declaring it.
     */
    static String fragment(FragmentWriter writer) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = writer(out);
            writer.write(xml);
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write a feed entry", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, PageSettings page, IncidentView incident, List<TimelineEntry> timeline,
                              PostmortemView postmortem, Instant updated, KeptFragments<TimelineEntry> updates) throws XMLStreamException {
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
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(XmlText.clean(html(timeline, postmortem, updates)));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /**
     * An incident's postmortem and updates, newest first, their Markdown rendered as sanitized HTML; each update's HTML as
     * {@code updates} keeps it.
     */
    static String html(List<TimelineEntry> timeline, PostmortemView postmortem, KeptFragments<TimelineEntry> updates) {
        StringBuilder html = new StringBuilder();
        if (postmortem != null) {
            html.append("<p><strong>Postmortem</strong> (revision ").append(postmortem.revision()).append(", ")
                    .append(DISPLAY.format(postmortem.publishedAt())).append(")</p>").append(RenderedMarkdown.toHtml(postmortem.body()));
        }
        for (int i = timeline.size() - 1; i >= 0; i--) {
            html.append(updates.get(timeline.get(i), AtomFeed::html));
        }
        return html.toString();
    }

    private static String html(TimelineEntry entry) {
        return "<p><small>" + DISPLAY.format(entry.occurredAt()) + "</small><br><strong>" + label(entry.status().wireName()) + "</strong></p>"
                + RenderedMarkdown.toHtml(entry.message());
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
                    .append(label(entry.status().wireName())).append("</strong></p>").append(RenderedMarkdown.toHtml(entry.message()));
        }
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(XmlText.clean(html.toString()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** When an incident last changed: its own change, its newest update or its postmortem, whichever is latest. */
    static Instant updated(IncidentView incident, Map<UUID, List<TimelineEntry>> timelines, Map<UUID, PostmortemView> postmortems) {
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
    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
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

    static String label(String wireName) {
        return Character.toUpperCase(wireName.charAt(0)) + wireName.substring(1).replace('_', ' ');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
