package io.sitrep.notification.notice;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentLifecycleEvent;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentReopened;
import io.sitrep.events.IncidentResolved;
import io.sitrep.events.IncidentSnapshot;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.MaintenanceCancelled;
import io.sitrep.events.MaintenanceCompleted;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.MaintenanceReminder;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.events.MaintenanceSnapshot;
import io.sitrep.events.MaintenanceStarted;
import io.sitrep.events.MaintenanceStatus;
import io.sitrep.events.MaintenanceUpdate;
import io.sitrep.events.PostmortemPublished;
import io.sitrep.events.SitrepEvent;

import java.time.ZoneOffset;
import java.util.Objects;

/** Turns the events that notify into {@link Notice}s. */
public final class Notices {

    /** The most of a message a notice carries: every channel's longest text field holds it (Slack's is 3,000). */
    public static final int MAX_MESSAGE_LENGTH = 2800;

    static final String RESOLVED = "#2ECC71";
    static final String CRITICAL = "#E74C3C";
    static final String MAJOR = "#E67E22";
    static final String MINOR = "#F1C40F";
    static final String NONE = "#95A5A6";
    static final String MAINTENANCE = "#3498DB";

    private final PageSettings page;

    public Notices(PageSettings page) {
        this.page = Objects.requireNonNull(page, "page");
    }

    /** The notice of an incident or maintenance event. */
    public Notice of(SitrepEvent event) {
        if (event instanceof IncidentEvent incident) {
            return incident(incident);
        }
        if (event instanceof MaintenanceEvent maintenance) {
            return maintenance(maintenance);
        }
        throw new IllegalArgumentException(event.type().wireName() + " notifies nobody");
    }

    private Notice incident(IncidentEvent event) {
        IncidentSnapshot incident = event.incident();
        String message = event instanceof IncidentLifecycleEvent lifecycle ? lifecycle.update().message()
                : event instanceof PostmortemPublished postmortem ? postmortem.postmortem().body() : null;
        String colour = incident.status() == IncidentStatus.RESOLVED ? RESOLVED : colour(incident.impact());
        return new Notice(headline(event), incident.title(), label(incident.status()), incident.impact(), label(incident.impact()), colour,
                incident.components().stream().map(c -> new Notice.Line(c.name(), label(c.status()))).toList(), null,
                truncate(message), page.incidentUrl(incident.id()), page.name(), event.occurredAt());
    }

    private Notice maintenance(MaintenanceEvent event) {
        MaintenanceSnapshot m = event.maintenance();
        MaintenanceUpdate update = event.postedUpdate();
        String componentStatus = m.status() == MaintenanceStatus.IN_PROGRESS || m.status() == MaintenanceStatus.VERIFYING
                ? label(ComponentStatus.UNDER_MAINTENANCE) : label(m.status());
        return new Notice(headline(event), m.title(), label(m.status()), null, "Maintenance", MAINTENANCE,
                m.components().stream().map(c -> new Notice.Line(c.name(), componentStatus)).toList(),
                MaintenanceTimes.window(m.scheduledFor(), m.scheduledUntil(), ZoneOffset.UTC),
                truncate(update == null ? null : update.message()), page.pageUrl(), page.name(), event.occurredAt());
    }

    private static String headline(IncidentEvent event) {
        if (event instanceof IncidentOpened) {
            return "Incident opened";
        }
        if (event instanceof IncidentResolved) {
            return "Incident resolved";
        }
        if (event instanceof IncidentReopened) {
            return "Incident reopened";
        }
        if (event instanceof PostmortemPublished) {
            return "Postmortem published";
        }
        return "Incident updated";
    }

    private static String headline(MaintenanceEvent event) {
        if (event instanceof MaintenanceScheduled) {
            return "Maintenance scheduled";
        }
        if (event instanceof MaintenanceReminder) {
            return "Maintenance starts soon";
        }
        if (event instanceof MaintenanceStarted) {
            return "Maintenance started";
        }
        if (event instanceof MaintenanceCompleted) {
            return "Maintenance completed";
        }
        if (event instanceof MaintenanceCancelled) {
            return "Maintenance cancelled";
        }
        return "Maintenance updated";
    }

    static String colour(Impact impact) {
        return switch (impact) {
            case CRITICAL -> CRITICAL;
            case MAJOR -> MAJOR;
            case MINOR -> MINOR;
            case NONE -> NONE;
        };
    }

    private static String truncate(String message) {
        if (message == null || message.length() <= MAX_MESSAGE_LENGTH) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
    }

    public static String label(Impact impact) {
        return impact == Impact.NONE ? "No impact" : capitalise(impact.wireName());
    }

    public static String label(IncidentStatus status) {
        return capitalise(status.wireName());
    }

    public static String label(MaintenanceStatus status) {
        return capitalise(status.wireName().replace('_', ' '));
    }

    public static String label(ComponentStatus status) {
        return capitalise(status.wireName().replace('_', ' '));
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
