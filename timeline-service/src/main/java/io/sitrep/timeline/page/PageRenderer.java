package io.sitrep.timeline.page;

import gg.jte.TemplateEngine;
import io.micrometer.core.instrument.MeterRegistry;
import gg.jte.output.StringOutput;
import io.sitrep.events.ComponentChange;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.EventType;
import io.sitrep.timeline.page.PageViews.Banner;
import io.sitrep.timeline.page.PageViews.Bar;
import io.sitrep.timeline.page.PageViews.Chrome;
import io.sitrep.timeline.page.PageViews.ComponentRow;
import io.sitrep.timeline.page.PageViews.Day;
import io.sitrep.timeline.page.PageViews.Group;
import io.sitrep.timeline.page.PageViews.IncidentCard;
import io.sitrep.timeline.page.PageViews.Maintenance;
import io.sitrep.timeline.page.PageViews.Month;
import io.sitrep.timeline.page.PageViews.Named;
import io.sitrep.timeline.page.PageViews.Postmortem;
import io.sitrep.timeline.page.PageViews.StatusPage;
import io.sitrep.timeline.page.PageViews.Subscribe;
import io.sitrep.timeline.page.PageViews.Update;
import io.sitrep.timeline.page.PageViews.When;
import io.sitrep.timeline.readmodel.ComponentView;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.MaintenanceUpdateEntry;
import io.sitrep.timeline.readmodel.MaintenanceView;
import io.sitrep.timeline.readmodel.OverallStatus;
import io.sitrep.timeline.readmodel.PostmortemView;
import io.sitrep.timeline.readmodel.TimelineEntry;
import io.sitrep.timeline.readmodel.UptimeDay;
import io.sitrep.timeline.readmodel.UptimeReport;
import io.sitrep.timeline.snapshot.KeptFragments;
import io.sitrep.timeline.stream.EventStream;
import io.sitrep.timeline.web.RenderedMarkdown;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders the public pages from their jte templates (precompiled in the build). Everything is readable without
 * JavaScript; the page's script ({@code /assets/status.js}) learns from the page which events to follow and how long to
 * spread its fetches, and shows times in the reader's own time zone.
 */
final class PageRenderer {

    /** The kinds of event that change what the public sees; delivery and subscription events do not. */
    private static final List<String> PUBLIC_EVENTS = List.of("incident.", "postmortem.", "component.", "maintenance.");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /** Everything the status page shows. */
    record Model(OverallStatus status, List<IncidentView> open, List<IncidentView> history, Map<UUID, List<TimelineEntry>> timelines,
                 Map<UUID, PostmortemView> postmortems, List<ComponentView> components, Map<String, UptimeReport> uptime,
                 List<MaintenanceView> maintenances, Map<UUID, List<MaintenanceUpdateEntry>> maintenanceUpdates,
                 Map<UUID, String> titles, Instant now) {
    }

    /**
     * What an incident's card is rendered from; equal inputs render equal bytes. {@code article}: the card as the
     * incident's own page shows it (a second-level heading, every update shown) rather than as a list shows it.
     */
    private record CardInputs(IncidentView incident, List<TimelineEntry> timeline, PostmortemView postmortem, boolean article) {
    }

    private final TemplateEngine templates;
    private final PageSettings page;
    /**
     * Incidents' cards by what they were rendered from, for this build and the next: an incident that did not change
     * keeps its card's bytes on the page, in the history and on its own page, and one that did is laid out again from its
     * updates as kept. The settings a card depends on are this renderer's own.
     */
    private final KeptFragments<CardInputs> cards;
    /**
     * Each update as the cards show it, by the entry it is rendered from: an incident's new update is rendered, its earlier
     * ones are kept (along with a card taken over, so that they are at hand when the incident changes).
     */
    private final KeptFragments<TimelineEntry> updates;
    /** The status page's summary and components, by what they were rendered from, for this build and the next. */
    private final KeptFragments<FragmentInputs> fragments;
    /** Set on the thread that runs a build's rendering, while it runs. */
    private final ThreadLocal<Boolean> building = new ThreadLocal<>();
    private final DateTimeFormatter display;
    private final String eventTypes;

    PageRenderer(TemplateEngine templates, PageSettings page, MeterRegistry registry) {
        this.templates = templates;
        this.page = page;
        this.cards = KeptFragments.counted(registry, "page.card");
        this.updates = KeptFragments.counted(registry, "page.update");
        this.fragments = KeptFragments.counted(registry, "page.fragment");
        this.display = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm zzz", Locale.ENGLISH).withZone(page.timeZone());
        // The script follows what the stream sends; the page tells it, so that no list is copied into the script.
        this.eventTypes = Arrays.stream(EventType.values()).map(EventType::wireName)
                .filter(type -> PUBLIC_EVENTS.stream().anyMatch(type::startsWith))
                .collect(Collectors.joining(" ")) + " " + EventStream.RESYNC;
    }

    /**
     * A page that says when it last changed: what it shows but that moment, with equality over all of it, and its
     * rendering given that moment. A snapshot takes a page over from the one before, bytes and moment, when what it shows
     * is equal, so that an unchanged page keeps its entity tag across builds.
     */
    record Page(Object shows, Function<Instant, String> render) {
    }

    /** What the status page shows but the moment it changed: the parts as rendered (and kept) and the view around them. */
    private record StatusInputs(StatusPage view, String summary, String components, List<String> historyCards) {
    }

    /** What an incident's page shows: its article as kept, in the chrome. */
    private record IncidentInputs(Chrome chrome, String article) {
    }

    /** What a month of the history shows: its cards as kept, in the chrome, with the links to other months. */
    private record HistoryInputs(Chrome chrome, Month month, List<String> cards) {
    }

    /** What a fragment of the status page is rendered from: its template and the template's parameters. */
    private record FragmentInputs(String template, Map<String, Object> parameters) {
    }

    /**
     * The status page, and its fragments by path: what the script fetches after an event instead of the whole page. The
     * page holds the fragments as rendered, so that they are rendered once, and only when what they show changed.
     */
    Map<String, Page> status(Model model) {
        StatusPage view = view(model);
        List<String> open = model.open().stream()
                .map(incident -> card(incident, model.timelines().get(incident.id()), model.postmortems().get(incident.id()), false)).toList();
        List<String> history = model.history().stream()
                .map(incident -> card(incident, model.timelines().get(incident.id()), model.postmortems().get(incident.id()), false)).toList();
        String summary = fragment(new FragmentInputs("page/summary.jte", Map.of("page", view, "openCards", open)));
        String components = fragment(new FragmentInputs("page/components.jte", Map.of("page", view)));
        Map<String, Page> pages = new LinkedHashMap<>();
        pages.put("/", new Page(new StatusInputs(view, summary, components, history), updated -> render("page/status.jte",
                Map.of("page", view, "summary", summary, "components", components, "historyCards", history, "updated", when(updated)))));
        pages.put("/fragments/summary", new Page(summary, updated -> summary));
        pages.put("/fragments/components", new Page(components, updated -> components));
        return pages;
    }

    private String fragment(FragmentInputs inputs) {
        Function<FragmentInputs, String> render = fragment -> render(fragment.template(), fragment.parameters());
        return building() ? fragments.get(inputs, render) : fragments.peek(inputs, render);
    }

    /**
     * Runs one snapshot build's rendering on this thread: what it renders is kept for the next build, and what the build
     * before kept and this one did not use is let go. Renderings outside a build (on request) keep nothing.
     */
    void build(Runnable rendering) {
        cards.nextBuild();
        updates.nextBuild();
        fragments.nextBuild();
        building.set(Boolean.TRUE);
        try {
            rendering.run();
        } finally {
            building.remove();
        }
    }

    private StatusPage view(Model model) {
        return new StatusPage(chrome(page.name() + " status", model.now()), banner(model.status()), maintenances(model), groups(model),
                subscribe(model.components()));
    }

    /**
     * An incident's page: its article, kept as {@link #incidentFragment} keeps it, in the page's chrome (whose history link
     * follows {@code now}'s month), saying when it last changed.
     */
    Page incident(IncidentView incident, List<TimelineEntry> timeline, PostmortemView postmortem, Instant now) {
        Chrome chrome = chrome(incident.title() + " · " + page.name() + " status", now);
        String article = incidentFragment(incident, timeline, postmortem);
        return new Page(new IncidentInputs(chrome, article),
                updated -> render("page/incident.jte", Map.of("chrome", chrome, "article", article, "updated", when(updated))));
    }

    /** The incident's article as on its page: what the page's script fetches after an event about it. */
    String incidentFragment(IncidentView incident, List<TimelineEntry> timeline, PostmortemView postmortem) {
        return card(incident, timeline, postmortem, true);
    }

    /**
     * An incident's card, as kept for this build and the last. Within a build it is kept for the next; on request, outside
     * a build (an older incident's page), it is taken when kept and rendered otherwise, without keeping it.
     */
    private String card(IncidentView incident, List<TimelineEntry> timeline, PostmortemView postmortem, boolean article) {
        CardInputs inputs = new CardInputs(incident, timeline == null ? List.of() : List.copyOf(timeline), postmortem, article);
        return building() ? cards.get(inputs, this::render, taken -> taken.timeline().forEach(updates::retain)) : cards.peek(inputs, this::render);
    }

    private String render(CardInputs inputs) {
        List<String> html = new ArrayList<>(inputs.timeline().size());
        for (int i = inputs.timeline().size() - 1; i >= 0; i--) {
            TimelineEntry entry = inputs.timeline().get(i);
            html.add(building() ? updates.get(entry, this::render) : updates.peek(entry, this::render));
        }
        return render("page/incidentCard.jte", Map.of("incident", cardView(inputs.incident(), inputs.timeline(), inputs.postmortem()),
                "heading", inputs.article() ? "h2" : "h3", "full", inputs.article(), "updatesHtml", html));
    }

    private String render(TimelineEntry entry) {
        return render("page/update.jte", Map.of("update", update(entry)));
    }

    private boolean building() {
        return building.get() != null;
    }

    /**
     * A month of the history.
     *
     * @param incidents the month's incidents, newest first
     * @param months    every month with incidents, newest first
     * @param now       the moment of the build, whose month the chrome's history link follows
     */
    Page history(YearMonth month, List<IncidentView> incidents, List<YearMonth> months, Instant now) {
        YearMonth older = months.stream().filter(m -> m.isBefore(month)).findFirst().orElse(null);
        YearMonth newer = months.stream().filter(m -> m.isAfter(month)).reduce((first, second) -> second).orElse(null);
        Month view = new Month(month.toString(), MONTH.format(month),
                older == null ? null : monthLink(older), newer == null ? null : monthLink(newer),
                months.stream().map(PageRenderer::monthLink).toList());
        List<String> listed = incidents.stream().map(incident -> card(incident, List.of(), null, false)).toList();
        Chrome chrome = chrome("History " + MONTH.format(month) + " · " + page.name() + " status", now);
        return new Page(new HistoryInputs(chrome, view, listed),
                updated -> render("page/history.jte", Map.of("chrome", chrome, "month", view, "updated", when(updated), "cards", listed)));
    }

    static Named monthLink(YearMonth month) {
        return new Named("/history/" + month, MONTH.format(month), month.toString());
    }

    private String render(String template, Map<String, Object> parameters) {
        StringOutput output = new StringOutput(32_768);
        // Characters HTML must not carry (NUL among them) become U+FFFD as they are written, fragments excepted: those
        // were cleaned when they were rendered.
        templates.render(template, parameters, new CleanHtmlOutput(output));
        return output.toString();
    }

    /** The history link goes to this month's page by its own path, so that it works in the static export as well. */
    private Chrome chrome(String title, Instant now) {
        return new Chrome(page.name(), title, page.logo(), page.footerLinks(), eventTypes, page.refreshSpread().toMillis(),
                page.timeZone().getId(), "/history/" + YearMonth.from(now.atZone(ZoneOffset.UTC)));
    }

    When when(Instant instant) {
        return new When(instant.toString(), display.format(instant));
    }

    private Banner banner(OverallStatus status) {
        List<Named> incidents = status.incidents().stream()
                .map(incident -> new Named("/incidents/" + incident.id(), incident.title(),
                        label(incident.status().wireName()) + " · " + incident.impact().wireName() + " impact"))
                .toList();
        List<Named> components = status.components().stream()
                .map(component -> new Named("#component-" + component.id(), component.name(), label(component.status().wireName())))
                .toList();
        return new Banner(status.indicator().wireName(), status.description(), incidents, components);
    }

    private IncidentCard cardView(IncidentView incident, List<TimelineEntry> timeline, PostmortemView postmortem) {
        List<Update> updates = new ArrayList<>();
        if (timeline != null) {
            for (int i = timeline.size() - 1; i >= 0; i--) {
                updates.add(update(timeline.get(i)));
            }
        }
        boolean open = incident.isOpen();
        Update latest = updates.isEmpty() ? null : updates.get(0);
        List<Update> earlier = updates.isEmpty() ? List.of() : updates.subList(1, updates.size());
        return new IncidentCard(incident.id().toString(), incident.title(), label(incident.status().wireName()), incident.impact().wireName(),
                open, when(incident.createdAt()), incident.resolvedAt() == null ? null : when(incident.resolvedAt()), latest,
                List.copyOf(earlier), postmortem == null ? null
                        : new Postmortem(postmortem.revision(), when(postmortem.publishedAt()), RenderedMarkdown.toHtml(postmortem.body())),
                incident.components().stream().map(component -> component.name()).toList());
    }

    private Update update(TimelineEntry entry) {
        List<String> changes = new ArrayList<>();
        for (ComponentChange change : entry.componentChanges()) {
            changes.add(change.name() + ": " + label(change.status().wireName()));
        }
        return new Update(label(entry.status().wireName()), RenderedMarkdown.toHtml(entry.message()), changes, when(entry.occurredAt()), entry.actor());
    }

    private List<Maintenance> maintenances(Model model) {
        List<Maintenance> result = new ArrayList<>();
        for (MaintenanceView maintenance : model.maintenances()) {
            List<MaintenanceUpdateEntry> entries = model.maintenanceUpdates().getOrDefault(maintenance.id(), List.of());
            List<Update> updates = new ArrayList<>();
            for (int i = entries.size() - 1; i >= 0; i--) {
                MaintenanceUpdateEntry entry = entries.get(i);
                updates.add(new Update(label(entry.status().wireName()), RenderedMarkdown.toHtml(entry.message()), List.of(), when(entry.occurredAt()), null));
            }
            result.add(new Maintenance(maintenance.id().toString(), maintenance.title(), maintenance.status().wireName(),
                    label(maintenance.status().wireName()), when(maintenance.scheduledFor()), when(maintenance.scheduledUntil()),
                    maintenance.components().stream().map(component -> component.name()).toList(), updates));
        }
        return result;
    }

    private List<Group> groups(Model model) {
        Map<String, List<ComponentRow>> groups = new LinkedHashMap<>();
        for (ComponentView component : model.components()) {
            groups.computeIfAbsent(component.group() == null ? "" : component.group(), key -> new ArrayList<>())
                    .add(row(component, model.uptime().get(component.id()), model.titles()));
        }
        return groups.entrySet().stream().map(group -> new Group(group.getKey(), group.getValue())).toList();
    }

    private ComponentRow row(ComponentView component, UptimeReport uptime, Map<UUID, String> titles) {
        String status = component.status().wireName();
        Bar bar = null;
        if (uptime != null) {
            String overall = uptime.uptimePercent() == null ? "no data" : percent(uptime.uptimePercent()) + " uptime";
            List<Day> days = uptime.days().stream().map(day -> day(day, titles)).toList();
            bar = new Bar(component.name() + ", last " + uptime.days().size() + " days: " + overall, overall, days);
        }
        return new ComponentRow(component.id(), component.name(), status, label(status), symbol(component.status()), bar);
    }

    private static Day day(UptimeDay day, Map<UUID, String> titles) {
        List<String> minutes = new ArrayList<>();
        day.minutes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> minutes.add(label(entry.getKey().wireName()) + ": " + entry.getValue() + " min"));
        List<Named> incidents = day.incidents().stream()
                .map(id -> new Named("/incidents/" + id, titles.getOrDefault(id, "Incident"), ""))
                .toList();
        String summary = day.observed() ? percent(day.uptimePercent()) + " uptime" : "No data";
        return new Day(day.date().toString(), level(day.worst()), summary, minutes, incidents);
    }

    private Subscribe subscribe(List<ComponentView> components) {
        if (!page.subscribable()) {
            return null;
        }
        return new Subscribe(page.subscribeUrl(), components.stream().map(component -> new Named(component.id(), component.name(), "")).toList());
    }

    /** A day's colour class: none (no data), ok, maint, minor (degraded), major (partial outage), critical (major outage). */
    static String level(ComponentStatus worst) {
        if (worst == null) {
            return "none";
        }
        return switch (worst) {
            case OPERATIONAL -> "ok";
            case UNDER_MAINTENANCE -> "maint";
            case DEGRADED_PERFORMANCE -> "minor";
            case PARTIAL_OUTAGE -> "major";
            case MAJOR_OUTAGE -> "critical";
        };
    }

    /**
     * The status's symbol as an HTML character reference (✓ ▲ ◆ ✕ ⚙): the page's own text is ASCII, so that a page of
     * ASCII content is built, kept and encoded as one byte a character instead of two.
     */
    private static String symbol(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> "&#x2713;";
            case DEGRADED_PERFORMANCE -> "&#x25B2;";
            case PARTIAL_OUTAGE -> "&#x25C6;";
            case MAJOR_OUTAGE -> "&#x2715;";
            case UNDER_MAINTENANCE -> "&#x2699;";
        };
    }

    /** {@code partial_outage} → {@code Partial outage}. */
    static String label(String wireName) {
        String words = wireName.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String percent(double value) {
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + "%";
    }
}
