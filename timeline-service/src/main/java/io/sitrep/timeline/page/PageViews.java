package io.sitrep.timeline.page;

import jakarta.annotation.Nullable;

import java.util.List;

/**
 * What the page templates ({@code src/main/jte/page}) show, worked out beforehand: the templates only lay it out, and
 * escape every text (jte's HTML escaping is the pages' one escaper). Only {@code html} values are markup: sanitized
 * Markdown.
 */
public final class PageViews {

    private PageViews() {
    }

    /** What every page carries: name, branding, links, and what the script needs to know. */
    public record Chrome(String name, String title, @Nullable String logo, List<PageSettings.FooterLink> footerLinks,
                         String eventTypes, long refreshSpreadMillis, String timeZone, String history) {
    }

    /** A moment: {@code iso} for {@code <time datetime>}, {@code text} in the page's time zone. */
    public record When(String iso, String text) {
    }

    /**
     * The banner: the headline (Statuspage's description), and what makes it so: the open incidents by name, and the
     * components that are not operational.
     */
    public record Banner(String indicator, String description, List<Named> incidents, List<Named> components) {

        public boolean explained() {
            return !incidents.isEmpty() || !components.isEmpty();
        }
    }

    /** A link with a short note: an incident and its impact, a component and its status. */
    public record Named(String href, String name, String note) {
    }

    /** One update of an incident or a maintenance window; {@code postedBy} only when the page names who posted. */
    public record Update(String status, String html, List<String> changes, When at, @Nullable String postedBy) {
    }

    /**
     * An incident as the page shows it: open ones with a stripe of their impact, the latest update shown and the earlier
     * ones folded; resolved ones without the stripe.
     */
    public record IncidentCard(String id, String title, String status, String impact, boolean open, When began,
                               @Nullable When resolved, @Nullable Update latest, List<Update> earlier,
                               @Nullable Postmortem postmortem, List<String> components) {

        public String classes() {
            return open ? "incident open impact-" + impact : "incident resolved";
        }
    }

    /** A published postmortem, its Markdown rendered and sanitized. */
    public record Postmortem(int revision, When published, String html) {
    }

    /** A maintenance window. */
    public record Maintenance(String id, String title, String status, String statusLabel, When from, When until,
                             List<String> components, List<Update> updates) {
    }

    /** A group of components; an empty name for the ungrouped ones. */
    public record Group(String name, List<ComponentRow> components) {
    }

    /** A component, its status and its bar of days. */
    public record ComponentRow(String id, String name, String status, String statusLabel, String symbol,
                               @Nullable Bar bar) {
    }

    /** The 90-day bar: one cell a day, oldest first. */
    public record Bar(String label, String overall, List<Day> days) {
    }

    /**
     * One day of a bar.
     *
     * @param level   none (no data), ok, maint, minor (degraded), major (partial outage) or critical (major outage)
     * @param summary e.g. "99.44% uptime" or "No data"
     * @param minutes e.g. "Major outage: 1 min", one per status
     */
    public record Day(String date, String level, String summary, List<String> minutes, List<Named> incidents) {

        /** The day in one line, for a tooltip: "2026-03-10: 99.44% uptime, Major outage: 1 min". */
        public String title() {
            StringBuilder title = new StringBuilder(date).append(": ").append(summary);
            minutes.forEach(line -> title.append(", ").append(line));
            incidents.forEach(incident -> title.append(", ").append(incident.name()));
            return title.toString();
        }
    }

    /** A month of the history and links to the months around it; its incidents' cards go beside it, as rendered. */
    public record Month(String key, String label, @Nullable Named previous, @Nullable Named next,
                        List<Named> months) {
    }

    /** A subscribe form; null on the page when none is configured. */
    public record Subscribe(String action, List<Named> components) {
    }

    /**
     * The status page. The open incidents' and the recent history's cards go beside it, as rendered (and kept while their
     * incidents do not change).
     */
    public record StatusPage(Chrome chrome, Banner banner, List<Maintenance> maintenances, List<Group> groups,
                             @Nullable Subscribe subscribe) {
    }
}
