package io.sitrep.timeline.page;

import io.sitrep.timeline.readmodel.ComponentView;
import io.sitrep.timeline.readmodel.IncidentCursor;
import io.sitrep.timeline.readmodel.IncidentDetail;
import io.sitrep.timeline.readmodel.IncidentPage;
import io.sitrep.timeline.readmodel.IncidentQuery;
import io.sitrep.timeline.readmodel.IncidentView;
import io.sitrep.timeline.readmodel.MaintenanceQuery;
import io.sitrep.timeline.readmodel.MaintenanceView;
import io.sitrep.timeline.readmodel.OverallStatus;
import io.sitrep.timeline.readmodel.PostmortemView;
import io.sitrep.timeline.readmodel.ReadModels;
import io.sitrep.timeline.readmodel.StatusChange;
import io.sitrep.timeline.readmodel.TimelineEntry;
import io.sitrep.timeline.readmodel.UnknownIncident;
import io.sitrep.timeline.readmodel.Uptime;
import io.sitrep.timeline.readmodel.UptimeReport;
import io.sitrep.timeline.snapshot.PublicSurface;
import io.sitrep.timeline.snapshot.SnapshotAnswers;
import io.sitrep.timeline.snapshot.SnapshotContent;
import io.sitrep.timeline.snapshot.SnapshotReads;
import io.sitrep.timeline.web.InvalidParameter;
import io.sitrep.timeline.web.TimelineSettings;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The public status page at {@code /} (open incidents, maintenance in progress and upcoming, components, history), a page
 * per incident at {@code /incidents/{id}}, and the history by month at {@code /history} ({@code ?month=YYYY-MM}, or
 * {@code /history/YYYY-MM}). They are rendered into the public snapshot (the page, the history months, and the pages of
 * the incidents the page, the feed or the API lists) and answered from it; an older incident's page, and a month without
 * incidents, are rendered on request.
 */
@RestController
@Hidden
class StatusPageController implements PublicSurface {

    static final int UPTIME_DAYS = 90;
    /** At most this many windows in progress, and this many upcoming, are shown. */
    static final int MAINTENANCES_SHOWN = 20;
    /** The history holds at most this many incidents, newest first; a bound on what one snapshot reads. */
    static final int HISTORY_LIMIT = 10_000;
    private static final int HISTORY_READ = 500;
    private static final Pattern MONTH = Pattern.compile("^\\d{4}-\\d{2}$");

    private final ReadModels readModels;
    private final PageSettings page;
    private final TimelineSettings timeline;
    private final SnapshotAnswers answers;
    private final PageRenderer renderer;

    StatusPageController(ReadModels readModels, PageSettings page, TimelineSettings timeline, SnapshotAnswers answers, PageRenderer renderer) {
        this.readModels = readModels;
        this.page = page;
        this.timeline = timeline;
        this.answers = answers;
        this.renderer = renderer;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> statusPage(HttpServletRequest request) {
        return answers.answer("/", request).orElseThrow(() -> new IllegalStateException("the snapshot has no status page"));
    }

    /** The page's colours from the branding settings: a style sheet of its own, since the pages carry no inline style. */
    @GetMapping(path = "/assets/brand.css", produces = "text/css")
    ResponseEntity<byte[]> brand(HttpServletRequest request) {
        return answers.answer("/assets/brand.css", request).orElseThrow(() -> new IllegalStateException("the snapshot has no brand.css"));
    }

    @GetMapping(path = "/incidents/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> incidentPage(@PathVariable UUID id, HttpServletRequest request) {
        String path = "/incidents/" + id;
        return answers.answer(path, request).orElseGet(() -> {
            IncidentDetail detail = readModels.incident(id, timeline.timelineLimit(), page.audience()).orElseThrow(() -> new UnknownIncident(id));
            // Updated as of the snapshot in service, so that the bytes, and with them the entity tag, hold until the next snapshot.
            Instant asOf = answers.snapshot().readAt();
            // Stated to the second, as Last-Modified is.
            String html = renderer.incident(detail.incident(), detail.timeline(), detail.postmortem(), asOf).render()
                    .apply(asOf.truncatedTo(ChronoUnit.SECONDS));
            return answers.answer(path, SnapshotContent.HTML, html.getBytes(StandardCharsets.UTF_8), request);
        });
    }

    /**
     * A part of the page, for the page's script: {@code summary} (banner, open incidents, maintenance) or {@code components}
     * (components and their bars), from the snapshot.
     */
    @GetMapping(path = "/fragments/{part:summary|components}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> fragment(@PathVariable String part, HttpServletRequest request) {
        String path = "/fragments/" + part;
        return answers.answer(path, request).orElseThrow(() -> new IllegalStateException("the snapshot has no " + path));
    }

    /** An incident's article, for the script on its page; the snapshot holds those of the incidents it has pages of. */
    @GetMapping(path = "/fragments/incidents/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> incidentFragment(@PathVariable UUID id, HttpServletRequest request) {
        String path = "/fragments/incidents/" + id;
        return answers.answer(path, request).orElseGet(() -> {
            IncidentDetail detail = readModels.incident(id, timeline.timelineLimit(), page.audience()).orElseThrow(() -> new UnknownIncident(id));
            String html = renderer.incidentFragment(detail.incident(), detail.timeline(), detail.postmortem());
            return answers.answer(path, SnapshotContent.HTML, html.getBytes(StandardCharsets.UTF_8), request);
        });
    }

    /** The history: this month, or {@code month} ({@code YYYY-MM}). */
    @GetMapping(path = "/history", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> history(@RequestParam(required = false) String month, HttpServletRequest request) {
        if (month == null) {
            // This month's page, as of the snapshot: one document under one path, so that the export holds no second copy.
            String current = "/history/" + YearMonth.from(answers.snapshot().readAt().atZone(ZoneOffset.UTC));
            return answers.answer(current, request).orElseThrow(() -> new IllegalStateException("the snapshot has no history"));
        }
        return historyMonth(month, request);
    }

    @GetMapping(path = "/history/{month}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> historyMonth(@PathVariable String month, HttpServletRequest request) {
        YearMonth value = month(month);
        String path = "/history/" + value;
        return answers.answer(path, request).orElseGet(() -> {
            // A month without incidents: the snapshot holds the months that have some.
            Instant asOf = answers.snapshot().readAt();
            String html = renderer.history(value, List.of(), List.of(), asOf).render().apply(asOf.truncatedTo(ChronoUnit.SECONDS));
            return answers.answer(path, SnapshotContent.HTML, html.getBytes(StandardCharsets.UTF_8), request);
        });
    }

    private static YearMonth month(String text) {
        if (!MONTH.matcher(text).matches()) {
            throw new InvalidParameter("month", "must be a month as YYYY-MM");
        }
        try {
            YearMonth month = YearMonth.parse(text);
            if (month.getYear() < 1970 || month.getYear() > 9999) {
                throw new InvalidParameter("month", "must be a month as YYYY-MM");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new InvalidParameter("month", "must be a month as YYYY-MM");
        }
    }

    /**
     * The page, the history months, and a page for each incident the snapshot's page, feed or API lists: the open ones, the
     * recent history and the most recent ones. Reads within the snapshot's read; renders after it.
     */
    @Override
    public Rendering read(SnapshotContent content) {
        Instant now = content.now();
        SnapshotReads reads = content.reads(readModels);
        List<IncidentView> all = allIncidents();
        Map<UUID, String> titles = new LinkedHashMap<>();
        all.forEach(incident -> titles.put(incident.id(), incident.title()));
        PageRenderer.Model model = model(reads, now, titles);
        Set<IncidentView> shown = new LinkedHashSet<>(model.open());
        shown.addAll(model.history());
        shown.addAll(reads.recentIncidents(page.incidentsLimit()));
        List<UUID> ids = shown.stream().map(IncidentView::id).toList();
        Map<UUID, List<TimelineEntry>> timelines = reads.timelines(ids, timeline.timelineLimit(), page.showActor());
        Map<UUID, PostmortemView> postmortems = reads.postmortems(ids);
        return () -> renderer.build(() -> {
            renderer.status(model).forEach((path, page) -> html(content, path, page));
            content.css("/assets/brand.css", ":root{--accent:" + page.accentColor() + "}\n");
            history(content, all, now);
            Set<UUID> rendered = new LinkedHashSet<>();
            for (IncidentView incident : shown) {
                if (rendered.add(incident.id())) {
                    List<TimelineEntry> entries = timelines.getOrDefault(incident.id(), List.of());
                    html(content, "/incidents/" + incident.id(), renderer.incident(incident, entries, postmortems.get(incident.id()), now));
                    // Kept by its own text: an article taken over is the same string, so its document is taken over unencoded.
                    String fragment = renderer.incidentFragment(incident, entries, postmortems.get(incident.id()));
                    content.html("/fragments/incidents/" + incident.id(), fragment, updated -> fragment);
                }
            }
        });
    }

    /**
     * {@code /history/YYYY-MM} for each month with incidents and for this month (UTC months, by when the incidents began);
     * {@code /history} answers with this month's.
     */
    private void history(SnapshotContent content, List<IncidentView> all, Instant now) {
        TreeMap<YearMonth, List<IncidentView>> byMonth = new TreeMap<>();
        for (IncidentView incident : all) {
            byMonth.computeIfAbsent(YearMonth.from(incident.createdAt().atZone(ZoneOffset.UTC)), key -> new ArrayList<>()).add(incident);
        }
        List<YearMonth> months = List.copyOf(byMonth.descendingKeySet());
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        for (Map.Entry<YearMonth, List<IncidentView>> month : byMonth.entrySet()) {
            html(content, "/history/" + month.getKey(), renderer.history(month.getKey(), month.getValue(), months, now));
        }
        if (!byMonth.containsKey(current)) {
            html(content, "/history/" + current, renderer.history(current, List.of(), months, now));
        }
    }

    private static void html(SnapshotContent content, String path, PageRenderer.Page page) {
        content.html(path, page.shows(), page.render());
    }

    /** Every public incident, newest first, up to {@value #HISTORY_LIMIT}. */
    private List<IncidentView> allIncidents() {
        List<IncidentView> all = new ArrayList<>();
        IncidentCursor after = null;
        do {
            IncidentPage read = readModels.incidents(new IncidentQuery(IncidentQuery.Status.ALL, null, null, null, HISTORY_READ, after));
            all.addAll(read.items());
            after = read.next();
        } while (after != null && all.size() < HISTORY_LIMIT);
        return all.size() > HISTORY_LIMIT ? List.copyOf(all.subList(0, HISTORY_LIMIT)) : all;
    }

    private PageRenderer.Model model(SnapshotReads reads, Instant now, Map<UUID, String> titles) {
        List<ComponentView> components = reads.components();
        List<IncidentView> open = reads.openIncidents();
        List<IncidentView> history = reads.resolvedSince(now.minus(Duration.ofDays(page.historyDays())), page.incidentsLimit());
        List<UUID> ids = new ArrayList<>();
        open.forEach(incident -> ids.add(incident.id()));
        history.forEach(incident -> ids.add(incident.id()));
        Map<String, List<StatusChange>> changes = readModels.statusChangesSince(now.minus(Duration.ofDays(UPTIME_DAYS)));
        Map<String, UptimeReport> uptime = new LinkedHashMap<>();
        for (ComponentView component : components) {
            uptime.put(component.id(), Uptime.of(component, changes.getOrDefault(component.id(), List.of()), UPTIME_DAYS, now));
        }
        List<MaintenanceView> maintenances = new ArrayList<>(
                reads.maintenances(new MaintenanceQuery(MaintenanceQuery.Status.ACTIVE, MAINTENANCES_SHOWN, null)));
        maintenances.addAll(reads.maintenances(new MaintenanceQuery(MaintenanceQuery.Status.UPCOMING, MAINTENANCES_SHOWN, null)));
        return new PageRenderer.Model(OverallStatus.of(components, open), open, history, reads.timelines(ids, timeline.timelineLimit(), page.showActor()),
                reads.postmortems(ids), components, uptime, maintenances,
                reads.maintenanceUpdates(maintenances.stream().map(MaintenanceView::id).toList(), timeline.timelineLimit()),
                titles, now);
    }
}
