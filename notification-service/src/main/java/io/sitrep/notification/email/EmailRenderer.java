package io.sitrep.notification.email;

import io.sitrep.notification.template.Template;

import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentLifecycleEvent;
import io.sitrep.events.IncidentSnapshot;
import io.sitrep.events.MaintenanceCancelled;
import io.sitrep.events.MaintenanceCompleted;
import io.sitrep.events.MaintenanceComponent;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.MaintenanceReminder;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.events.MaintenanceSnapshot;
import io.sitrep.events.MaintenanceStarted;
import io.sitrep.events.MaintenanceUpdate;
import io.sitrep.events.MaintenanceUpdated;
import io.sitrep.events.PostmortemPublished;
import io.sitrep.events.SitrepEvent;
import io.sitrep.notification.notice.MaintenanceTimes;
import io.sitrep.notification.notice.Notices;
import io.sitrep.notification.notice.PageSettings;
import io.sitrep.support.markdown.Markdown;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.sitrep.notification.notice.Notices.label;

/**
 * Writes the emails: readable subjects such as "[Major] API degraded — Identified" or "[Scheduled maintenance]
 * Database upgrade — Starts in 1 hour", a text and an HTML body, both from the templates in
 * {@code templates/email/} with every value escaped. The message (Markdown) is rendered as sanitized HTML in the
 * HTML part and kept as written in the text part. Maintenance emails give the window in UTC and in the page's
 * time zone.
 */
public final class EmailRenderer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String MAINTENANCE = "Scheduled maintenance";

    private final ZoneId pageZone;
    private final PageSettings page;
    private final Template incidentText = Template.text("templates/email/incident.txt");
    private final Template incidentHtml = Template.html("templates/email/incident.html");
    private final Template confirmationText = Template.text("templates/email/confirmation.txt");
    private final Template confirmationHtml = Template.html("templates/email/confirmation.html");
    private final Template maintenanceText = Template.text("templates/email/maintenance.txt");
    private final Template maintenanceHtml = Template.html("templates/email/maintenance.html");
    private final Template disabledText = Template.text("templates/email/disabled.txt");
    private final Template disabledHtml = Template.html("templates/email/disabled.html");

    /** A renderer whose maintenance windows are in UTC only, for a page named Sitrep at http://localhost:8083. */
    public EmailRenderer() {
        this(ZoneOffset.UTC);
    }

    /** A renderer that gives maintenance windows in UTC and in {@code pageZone}, the status page's time zone. */
    public EmailRenderer(ZoneId pageZone) {
        this(pageZone, new PageSettings("Sitrep", URI.create("http://localhost:8083"), "sitrep"));
    }

    /**
     * A renderer for this status page: subjects start with its name, and every email links to it (incident emails to
     * the incident's page too).
     */
    public EmailRenderer(ZoneId pageZone, PageSettings page) {
        this.pageZone = Objects.requireNonNull(pageZone, "pageZone");
        this.page = Objects.requireNonNull(page, "page");
    }

    /** The email of an event that notifies: an incident or a maintenance event. */
    public RenderedEmail notification(SitrepEvent event, String unsubscribeUrl) {
        return notification(event, unsubscribeUrl, null);
    }

    /** The email of an event that notifies, with a "Manage your subscription" link unless {@code manageUrl} is null. */
    public RenderedEmail notification(SitrepEvent event, String unsubscribeUrl, String manageUrl) {
        return prepareNotification(event, manageUrl != null).fill(unsubscribeUrl, manageUrl);
    }

    /**
     * The email of an event that notifies, rendered once for all its recipients (the event's Markdown included); each
     * gets it with its own links from {@link PreparedEmail#fill}, byte for byte what {@link #notification} gives.
     *
     * @param withManage whether it carries a "Manage your subscription" link
     */
    public PreparedEmail prepareNotification(SitrepEvent event, boolean withManage) {
        if (event instanceof IncidentEvent incident) {
            return prepareIncident(incident, withManage);
        }
        if (event instanceof MaintenanceEvent maintenance) {
            return prepareMaintenance(maintenance, withManage);
        }
        throw new IllegalArgumentException(event.type().wireName() + " notifies nobody");
    }

    /** The subject of an incident email. */
    public String subject(IncidentEvent event) {
        IncidentSnapshot incident = event.incident();
        String what = event instanceof PostmortemPublished ? "Postmortem published" : label(incident.status());
        return subjectLine("[" + label(incident.impact()) + "] " + incident.title() + " — " + what);
    }

    public RenderedEmail incident(IncidentEvent event, String unsubscribeUrl) {
        return incident(event, unsubscribeUrl, null);
    }

    public RenderedEmail incident(IncidentEvent event, String unsubscribeUrl, String manageUrl) {
        return prepareIncident(event, manageUrl != null).fill(unsubscribeUrl, manageUrl);
    }

    private PreparedEmail prepareIncident(IncidentEvent event, boolean withManage) {
        IncidentSnapshot incident = event.incident();
        String message = event instanceof IncidentLifecycleEvent lifecycle ? lifecycle.update().message()
                : event instanceof PostmortemPublished postmortem ? postmortem.postmortem().body() : "";
        String subject = pageSubject(subject(event));
        Map<String, Object> values = new HashMap<>();
        values.put("incidenturl", page.incidentUrl(incident.id()));
        pageValues(values);
        values.put("subject", subject);
        values.put("title", incident.title());
        values.put("status", label(incident.status()));
        values.put("impact", label(incident.impact()));
        values.put("updated", WHEN.format(event.occurredAt()));
        values.put("message", message);
        values.put("affected", incident.components().isEmpty() ? null : "yes");
        values.put("components", incident.components().stream()
                .map(c -> Map.of("componentname", c.name(), "componentstatus", label(c.status()))).toList());
        return prepared(subject, incidentText, incidentHtml, values, withManage);
    }

    /** The subject of a maintenance email: "[Scheduled maintenance] title — what happened". */
    public String subject(MaintenanceEvent event) {
        return subjectLine("[" + MAINTENANCE + "] " + event.maintenance().title() + " — " + what(event));
    }

    public RenderedEmail maintenance(MaintenanceEvent event, String unsubscribeUrl) {
        return maintenance(event, unsubscribeUrl, null);
    }

    public RenderedEmail maintenance(MaintenanceEvent event, String unsubscribeUrl, String manageUrl) {
        return prepareMaintenance(event, manageUrl != null).fill(unsubscribeUrl, manageUrl);
    }

    private PreparedEmail prepareMaintenance(MaintenanceEvent event, boolean withManage) {
        MaintenanceSnapshot m = event.maintenance();
        MaintenanceUpdate update = event.postedUpdate();
        String subject = pageSubject(subject(event));
        Map<String, Object> values = new HashMap<>();
        pageValues(values);
        values.put("subject", subject);
        values.put("title", m.title());
        values.put("headline", headline(event));
        values.put("status", label(m.status()));
        values.put("window", MaintenanceTimes.window(m.scheduledFor(), m.scheduledUntil(), ZoneOffset.UTC));
        values.put("localwindow", MaintenanceTimes.isUtc(pageZone) ? null : MaintenanceTimes.window(m.scheduledFor(), m.scheduledUntil(), pageZone));
        values.put("components", String.join(", ", m.components().stream().map(MaintenanceComponent::name).toList()));
        values.put("posted", MaintenanceTimes.utc(event.occurredAt()));
        values.put("message", update == null ? null : update.message());
        return prepared(subject, maintenanceText, maintenanceHtml, values, withManage);
    }

    /** Both parts rendered but for the recipient's links; without a manage link, its section is left out. */
    private static PreparedEmail prepared(String subject, Template text, Template html, Map<String, Object> values, boolean withManage) {
        values.put(PreparedEmail.MANAGE, null);
        Set<String> later = withManage ? Set.of(PreparedEmail.UNSUBSCRIBE, PreparedEmail.MANAGE) : Set.of(PreparedEmail.UNSUBSCRIBE);
        return new PreparedEmail(subject, text.prepare(values, later), html.prepare(withMarkdown(values), later), withManage);
    }

    /** The values for an HTML part: the message's Markdown rendered as sanitized HTML; the text part keeps the source. */
    private static Map<String, Object> withMarkdown(Map<String, Object> values) {
        Map<String, Object> html = new HashMap<>(values);
        if (values.get("message") instanceof String message) {
            html.put("message", new Template.Markup(Markdown.toHtml(message)));
        }
        return html;
    }

    /** What happened, for the subject. */
    private static String what(MaintenanceEvent event) {
        if (event instanceof MaintenanceScheduled) {
            return "Scheduled";
        }
        if (event instanceof MaintenanceReminder reminder) {
            return "Starts in " + startsIn(reminder);
        }
        if (event instanceof MaintenanceStarted) {
            return "Started";
        }
        if (event instanceof MaintenanceCompleted) {
            return "Completed";
        }
        if (event instanceof MaintenanceCancelled) {
            return "Cancelled";
        }
        MaintenanceUpdate update = event.postedUpdate();
        return update != null && update.previousStatus() != null && update.previousStatus() != update.status()
                ? label(update.status()) : "Updated";
    }

    /** The first line of the body: what the event means for the reader. */
    private static String headline(MaintenanceEvent event) {
        if (event instanceof MaintenanceScheduled) {
            return "Maintenance has been scheduled for the window below.";
        }
        if (event instanceof MaintenanceReminder reminder) {
            return "This scheduled maintenance starts in " + startsIn(reminder) + ".";
        }
        if (event instanceof MaintenanceStarted) {
            return "This scheduled maintenance has started.";
        }
        if (event instanceof MaintenanceCompleted) {
            return "This scheduled maintenance is completed.";
        }
        if (event instanceof MaintenanceCancelled) {
            return event.maintenance().startedAt() == null ? "This scheduled maintenance has been cancelled; it will not take place."
                    : "This scheduled maintenance has been cancelled.";
        }
        return event.postedUpdate() == null ? "The window, title or components of this scheduled maintenance changed; it now stands as below."
                : "This scheduled maintenance has been updated.";
    }

    private static String startsIn(MaintenanceReminder reminder) {
        return MaintenanceTimes.startsIn(Duration.between(reminder.occurredAt(), reminder.maintenance().scheduledFor()));
    }

    /** The subject of an email as sent: the page's name first, so that the inbox shows where it comes from. */
    private String pageSubject(String subject) {
        return subjectLine(page.name() + ": " + subject);
    }

    private void pageValues(Map<String, Object> values) {
        values.put("page", page.name());
        values.put("pageurl", page.pageUrl());
    }

    /** The status page these emails speak for. */
    public PageSettings page() {
        return page;
    }

    /** A subject on one line: a title or name with a line break must not start a header of its own. */
    private static String subjectLine(String s) {
        return Template.plain(s).replace('\n', ' ').replace('\t', ' ');
    }

    public RenderedEmail confirmation(String confirmUrl, String unsubscribeUrl) {
        return confirmation(confirmUrl, unsubscribeUrl, java.util.Set.of());
    }

    /** The confirmation email, naming the page and the components chosen (empty: every component). */
    public RenderedEmail confirmation(String confirmUrl, String unsubscribeUrl, java.util.Set<String> components) {
        return confirmation(confirmUrl, unsubscribeUrl, components, null);
    }

    /**
     * The confirmation email, naming the page and the components chosen (empty: every component); for a webhook
     * subscribed from the status page, sent to its contact address, also the webhook's origin ({@code webhook}).
     */
    public RenderedEmail confirmation(String confirmUrl, String unsubscribeUrl, java.util.Set<String> components, String webhook) {
        String subject = subjectLine("Confirm your subscription to " + page.name() + " incident notifications");
        Map<String, Object> values = new HashMap<>(Map.of("subject", subject, "confirm", confirmUrl, "unsubscribe", unsubscribeUrl));
        pageValues(values);
        values.put("components", components.isEmpty() ? "every component" : String.join(", ", components.stream().sorted().toList()));
        values.put("recipient", webhook == null ? "at this address" : "by webhook at " + webhook + ", with this address as its contact");
        return new RenderedEmail(subject, confirmationText.render(values), confirmationHtml.render(values));
    }

    /**
     * The email that tells a webhook's contact address that the webhook was disabled.
     *
     * @param webhook the webhook's origin (never its path or query, which may hold a credential)
     * @param reason  {@code failing_too_long} or {@code receiver_gone}
     */
    public RenderedEmail disabledNotice(String webhook, String reason) {
        String subject = subjectLine(page.name() + ": your webhook was disabled");
        Map<String, Object> values = new HashMap<>(Map.of("subject", subject, "webhook", webhook,
                "reason", "receiver_gone".equals(reason) ? "it answered that it is gone (410)."
                        : "every attempt to deliver to it failed for too long."));
        pageValues(values);
        return new RenderedEmail(subject, disabledText.render(values), disabledHtml.render(values));
    }

    static String escape(String s) {
        return Template.escape(s);
    }
}
