package io.sitrep.timeline.page;

import io.sitrep.events.ComponentChange;
import io.sitrep.events.ComponentStatus;
import io.sitrep.support.markdown.Markdown;
import io.sitrep.timeline.readmodel.ComponentView;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.MaintenanceUpdateEntry;
import io.sitrep.timeline.readmodel.MaintenanceView;
import io.sitrep.timeline.readmodel.OverallStatus;
import io.sitrep.timeline.readmodel.PostmortemView;
import io.sitrep.timeline.readmodel.TimelineEntry;
import io.sitrep.timeline.readmodel.UptimeDay;
import io.sitrep.timeline.readmodel.UptimeReport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.sitrep.timeline.page.Html.escape;
import static io.sitrep.timeline.page.Html.label;
import static io.sitrep.timeline.page.Html.localTime;
import static io.sitrep.timeline.page.Html.time;

/**
 * Renders the public status page as plain HTML: everything is readable without JavaScript; a small
 * script ({@value #SCRIPT}) re-renders {@code <main>} when the live stream says something changed, and
 * announces it in a polite live region. Styles and script are static files: no inline script, event
 * handler or style attribute. Status is always given in words, never by colour alone.
 */
final class StatusPageView {

    /** Everything one rendering shows. */
    record Model(OverallStatus status, List<IncidentView> open, List<IncidentView> history, Map<UUID, List<TimelineEntry>> timelines,
                 Map<UUID, PostmortemView> postmortems, List<ComponentView> components, Map<String, UptimeReport> uptime,
                 List<MaintenanceView> maintenances, Map<UUID, List<MaintenanceUpdateEntry>> maintenanceUpdates, Instant now) {
    }

    /** The page's style sheet and script: static files, so that a strict Content-Security-Policy (no inline script or style) holds. */
    static final String STYLESHEET = "/assets/status.css";
    static final String SCRIPT = "/assets/status.js";
    private static final String ASSETS = "<link rel=\"stylesheet\" href=\"" + STYLESHEET + "\">\n"
            + "<script src=\"" + SCRIPT + "\" defer></script>\n";

    private StatusPageView() {
    }

    static String render(PageSettings page, Model model, String heading) {
        StringBuilder html = new StringBuilder(32_768);
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(heading)).append("</title>\n")
                .append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").append(escape(page.name()))
                .append(" incidents\" href=\"/feed.atom\">\n")
                .append(ASSETS).append("</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
                .append("<header><h1><a class=\"home\" href=\"/\">").append(escape(page.name()))
                .append(" status</a></h1></header>\n")
                .append("<div id=\"live\" class=\"visually-hidden\" role=\"status\" aria-live=\"polite\"></div>\n")
                .append("<main id=\"main\">\n");
        overall(html, model.status());
        openIncidents(html, model);
        maintenances(html, model);
        components(html, model);
        history(html, model);
        html.append("<p class=\"meta\">As of ").append(time(model.now())).append(". This page updates itself while open.</p>\n")
                .append("</main>\n<footer><p><a href=\"/feed.atom\">Atom feed</a> · <a href=\"/api/v2/summary.json\">Status API</a>")
                .append(" · <a href=\"/api/v1/incidents\">Incidents API</a></p></footer>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    /** A page for one incident: its timeline and postmortem. */
    static String renderIncident(PageSettings page, IncidentView incident, List<TimelineEntry> timeline, PostmortemView postmortem,
                                 Model model) {
        StringBuilder html = new StringBuilder(8_192);
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(incident.title())).append(" · ").append(escape(page.name())).append(" status</title>\n")
                .append(ASSETS).append("</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
                .append("<header><h1><a class=\"home\" href=\"/\">").append(escape(page.name()))
                .append(" status</a></h1></header>\n")
                .append("<div id=\"live\" class=\"visually-hidden\" role=\"status\" aria-live=\"polite\"></div>\n")
                .append("<main id=\"main\">\n");
        incident(html, incident, timeline, postmortem, "h2", true);
        html.append("<p><a href=\"/\">Current status</a></p>\n")
                .append("<p class=\"meta\">As of ").append(time(model.now())).append(".</p>\n")
                .append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void overall(StringBuilder html, OverallStatus status) {
        html.append("<section id=\"overall\" aria-labelledby=\"overall-heading\">\n")
                .append("<h2 id=\"overall-heading\" class=\"visually-hidden\">Current status</h2>\n")
                .append("<div class=\"overall ind-").append(status.indicator().wireName()).append("\"><p class=\"overall-text\">")
                .append(escape(status.description())).append("</p></div>\n</section>\n");
    }

    private static void openIncidents(StringBuilder html, Model model) {
        html.append("<section id=\"open-incidents\" aria-labelledby=\"open-heading\">\n<h2 id=\"open-heading\">Open incidents</h2>\n");
        if (model.open().isEmpty()) {
            html.append("<p>No open incidents.</p>\n");
        }
        for (IncidentView incident : model.open()) {
            incident(html, incident, model.timelines().getOrDefault(incident.id(), List.of()), model.postmortems().get(incident.id()),
                    "h3", true);
        }
        html.append("</section>\n");
    }

    /** Windows in progress, then upcoming ones, in a section of their own; none, no section. */
    private static void maintenances(StringBuilder html, Model model) {
        if (model.maintenances().isEmpty()) {
            return;
        }
        html.append("<section id=\"maintenance\" aria-labelledby=\"maintenance-heading\">\n")
                .append("<h2 id=\"maintenance-heading\">Scheduled maintenance</h2>\n");
        for (MaintenanceView maintenance : model.maintenances()) {
            String id = maintenance.id().toString();
            html.append("<article class=\"maintenance maintenance-").append(maintenance.status().wireName()).append("\" id=\"maintenance-")
                    .append(id).append("\" aria-labelledby=\"maintenance-title-").append(id).append("\">\n")
                    .append("<h3 id=\"maintenance-title-").append(id).append("\">").append(escape(maintenance.title())).append("</h3>\n")
                    .append("<p class=\"meta\"><strong>").append(escape(label(maintenance.status().wireName()))).append("</strong> · ")
                    .append("<span class=\"window\">").append(localTime(maintenance.scheduledFor())).append(" to ")
                    .append(localTime(maintenance.scheduledUntil())).append("</span></p>\n");
            if (!maintenance.components().isEmpty()) {
                List<String> names = new ArrayList<>();
                maintenance.components().forEach(component -> names.add(escape(component.name())));
                html.append("<p class=\"meta\">Components: ").append(String.join(", ", names)).append("</p>\n");
            }
            List<MaintenanceUpdateEntry> updates = model.maintenanceUpdates().getOrDefault(maintenance.id(), List.of());
            html.append("<ol class=\"timeline\">\n");
            for (int i = updates.size() - 1; i >= 0; i--) {
                MaintenanceUpdateEntry entry = updates.get(i);
                html.append("<li><strong>").append(escape(label(entry.status().wireName()))).append("</strong> — ")
                        .append(message(entry.message())).append("<span class=\"meta\">").append(time(entry.occurredAt()))
                        .append("</span></li>\n");
            }
            html.append("</ol>\n</article>\n");
        }
        html.append("</section>\n");
    }

    private static void incident(StringBuilder html, IncidentView incident, List<TimelineEntry> timeline, PostmortemView postmortem,
                                 String heading, boolean expanded) {
        html.append("<article class=\"incident impact-").append(incident.impact().wireName()).append("\" id=\"incident-")
                .append(incident.id()).append("\" aria-labelledby=\"title-").append(incident.id()).append("\">\n")
                .append('<').append(heading).append(" id=\"title-").append(incident.id()).append("\"><a href=\"/incidents/")
                .append(incident.id()).append("\">").append(escape(incident.title())).append("</a></").append(heading).append(">\n")
                .append("<p class=\"meta\">").append(escape(label(incident.status().wireName()))).append(" · impact ")
                .append(escape(incident.impact().wireName())).append(" · began ").append(time(incident.createdAt()));
        if (incident.resolvedAt() != null) {
            html.append(" · resolved ").append(time(incident.resolvedAt()));
        }
        html.append("</p>\n");
        StringBuilder entries = new StringBuilder("<ol class=\"timeline\">\n");
        for (int i = timeline.size() - 1; i >= 0; i--) {
            TimelineEntry entry = timeline.get(i);
            entries.append("<li><strong>").append(escape(label(entry.status().wireName()))).append("</strong> — ")
                    .append(message(entry.message()));
            if (!entry.componentChanges().isEmpty()) {
                entries.append("<span class=\"meta\">");
                List<String> changes = new ArrayList<>();
                for (ComponentChange change : entry.componentChanges()) {
                    changes.add(escape(change.name()) + ": " + escape(label(change.status().wireName())));
                }
                entries.append(String.join("; ", changes)).append("</span><br>");
            }
            entries.append("<span class=\"meta\">").append(time(entry.occurredAt()))
                    .append(entry.actor() == null ? "" : " · posted by " + escape(entry.actor())).append("</span></li>\n");
        }
        entries.append("</ol>\n");
        if (expanded) {
            html.append(entries);
        } else {
            html.append("<details><summary>Timeline (").append(timeline.size()).append(timeline.size() == 1 ? " update" : " updates")
                    .append(")</summary>\n").append(entries).append("</details>\n");
        }
        if (postmortem != null) {
            html.append("<details><summary>Postmortem (revision ").append(postmortem.revision()).append(", ")
                    .append(time(postmortem.publishedAt())).append(")</summary>\n<div class=\"postmortem\">")
                    .append(Markdown.toHtml(postmortem.body())).append("</div></details>\n");
        }
        html.append("</article>\n");
    }

    /** An update's Markdown message as sanitized HTML, in a block of its own below the status. */
    private static String message(String markdown) {
        return "<div class=\"message\">" + Markdown.toHtml(markdown) + "</div>";
    }

    private static void components(StringBuilder html, Model model) {
        html.append("<section id=\"components\" aria-labelledby=\"components-heading\">\n")
                .append("<h2 id=\"components-heading\">Components</h2>\n");
        if (model.components().isEmpty()) {
            html.append("<p>No components yet.</p>\n");
        }
        Map<String, List<ComponentView>> groups = new LinkedHashMap<>();
        for (ComponentView component : model.components()) {
            groups.computeIfAbsent(component.group() == null ? "" : component.group(), key -> new ArrayList<>()).add(component);
        }
        for (Map.Entry<String, List<ComponentView>> group : groups.entrySet()) {
            if (!group.getKey().isEmpty()) {
                html.append("<h3>").append(escape(group.getKey())).append("</h3>\n");
            }
            html.append("<ul class=\"components\">\n");
            for (ComponentView component : group.getValue()) {
                component(html, component, model.uptime().get(component.id()));
            }
            html.append("</ul>\n");
        }
        html.append("</section>\n");
    }

    private static void component(StringBuilder html, ComponentView component, UptimeReport uptime) {
        String status = component.status().wireName();
        html.append("<li id=\"component-").append(escape(component.id())).append("\"><div class=\"row\"><span>")
                .append(escape(component.name())).append("</span><span class=\"st st-").append(status).append("\">")
                .append(symbol(component.status())).append(' ').append(escape(label(status))).append("</span></div>\n");
        if (uptime != null) {
            String overall = uptime.uptimePercent() == null ? "no data" : percent(uptime.uptimePercent()) + " uptime";
            html.append("<div class=\"bar\" role=\"img\" aria-label=\"").append(escape(component.name())).append(", last ")
                    .append(uptime.days().size()).append(" days: ").append(overall).append("\">");
            for (UptimeDay day : uptime.days()) {
                String text = day.uptimePercent() == null ? "no data" : percent(day.uptimePercent()) + " uptime";
                StringBuilder title = new StringBuilder(day.date().toString()).append(": ").append(text);
                day.minutes().forEach((s, minutes) -> title.append(", ").append(label(s.wireName()).toLowerCase()).append(' ')
                        .append(minutes).append(" min"));
                html.append("<span class=\"d-").append(level(day)).append("\" title=\"").append(escape(title.toString())).append("\"></span>");
            }
            html.append("</div><div class=\"bar-legend\" aria-hidden=\"true\"><span>").append(uptime.days().size())
                    .append(" days ago</span><span>").append(overall).append("</span><span>Today</span></div>\n");
        }
        html.append("</li>\n");
    }

    private static void history(StringBuilder html, Model model) {
        html.append("<section id=\"history\" aria-labelledby=\"history-heading\">\n<h2 id=\"history-heading\">Recent history</h2>\n");
        if (model.history().isEmpty()) {
            html.append("<p>No incidents resolved recently.</p>\n");
        }
        for (IncidentView incident : model.history()) {
            incident(html, incident, model.timelines().getOrDefault(incident.id(), List.of()), model.postmortems().get(incident.id()),
                    "h3", false);
        }
        html.append("</section>\n");
    }

    /** A day's colour class: none (no data), ok, minor (degraded), major (partial outage), critical (major outage). */
    private static String level(UptimeDay day) {
        if (day.uptimePercent() == null) {
            return "none";
        }
        if (day.minutes().getOrDefault(ComponentStatus.MAJOR_OUTAGE, 0L) > 0) {
            return "critical";
        }
        if (day.minutes().getOrDefault(ComponentStatus.PARTIAL_OUTAGE, 0L) > 0) {
            return "major";
        }
        if (day.minutes().getOrDefault(ComponentStatus.DEGRADED_PERFORMANCE, 0L) > 0) {
            return "minor";
        }
        return "ok";
    }

    private static String symbol(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> "✓";
            case DEGRADED_PERFORMANCE -> "▲";
            case PARTIAL_OUTAGE -> "◆";
            case MAJOR_OUTAGE -> "✕";
            case UNDER_MAINTENANCE -> "⚙";
        };
    }

    private static String percent(double value) {
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + "%";
    }
}
