package io.sitrep.notification.notice;

import io.sitrep.events.Impact;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one notification tells, in plain terms, before a channel gives it its own shape.
 *
 * @param headline   what happened, e.g. "Incident opened" or "Scheduled maintenance started"
 * @param title      the incident's or the window's title
 * @param status     the status after the event, for people ("Identified", "In progress")
 * @param impact     the incident's impact after the event; null for maintenance
 * @param impactLabel the impact for people ("Major"), or "Maintenance"
 * @param colour     the colour of the impact (or of a resolution, or of maintenance), {@code #RRGGBB}
 * @param components the affected components with their status
 * @param window     the maintenance window in UTC; null for incidents
 * @param message    the update's message (Markdown), the postmortem, or null
 * @param link       the incident's page, or the status page for maintenance
 * @param pageName   the status page's name
 * @param at         when it happened
 */
public record Notice(String headline, String title, String status, Impact impact, String impactLabel, String colour,
                     List<Line> components, String window, String message, String link, String pageName, Instant at) {

    public Notice {
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(link, "link");
        components = components == null ? List.of() : List.copyOf(components);
        message = message == null || message.isBlank() ? null : message;
    }

    /** One affected component: its name and its status for people. */
    public record Line(String name, String status) {
    }

    /** The colour as the number Discord wants. */
    public int colourValue() {
        return Integer.parseInt(colour.substring(1), 16);
    }

    /** One line for clients that show no more: "Incident opened: API degraded (Major, Investigating)". */
    public String summary() {
        return headline + ": " + title + " (" + impactLabel + ", " + status + ")";
    }
}
