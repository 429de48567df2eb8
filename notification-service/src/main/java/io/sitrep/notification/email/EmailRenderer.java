package io.sitrep.notification.email;

import io.sitrep.events.AffectedComponent;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentLifecycleEvent;
import io.sitrep.events.IncidentSnapshot;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.PostmortemPublished;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes the emails: readable subjects such as "[Major] API degraded — Identified", a text and an HTML body. */
public final class EmailRenderer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** The subject of an incident email. */
    public String subject(IncidentEvent event) {
        IncidentSnapshot incident = event.incident();
        String what = event instanceof PostmortemPublished ? "Postmortem published" : label(incident.status());
        return "[" + label(incident.impact()) + "] " + incident.title() + " — " + what;
    }

    public RenderedEmail incident(IncidentEvent event, String unsubscribeUrl) {
        IncidentSnapshot incident = event.incident();
        String message = event instanceof IncidentLifecycleEvent lifecycle ? lifecycle.update().message()
                : event instanceof PostmortemPublished postmortem ? postmortem.postmortem().body() : "";
        StringBuilder text = new StringBuilder()
                .append(incident.title()).append("\n\n")
                .append("Status: ").append(label(incident.status())).append('\n')
                .append("Impact: ").append(label(incident.impact())).append('\n')
                .append("Updated: ").append(WHEN.format(event.occurredAt())).append("\n\n")
                .append(message).append("\n");
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html><body style=\"font-family: sans-serif\">")
                .append("<h2>").append(escape(incident.title())).append("</h2>")
                .append("<p><strong>Status:</strong> ").append(escape(label(incident.status())))
                .append("<br><strong>Impact:</strong> ").append(escape(label(incident.impact())))
                .append("<br><strong>Updated:</strong> ").append(escape(WHEN.format(event.occurredAt()))).append("</p>")
                .append("<p style=\"white-space: pre-wrap\">").append(escape(message)).append("</p>");
        if (!incident.components().isEmpty()) {
            text.append("\nAffected components:\n");
            html.append("<p><strong>Affected components</strong></p><ul>");
            for (AffectedComponent component : incident.components()) {
                text.append("- ").append(component.name()).append(": ").append(label(component.status())).append('\n');
                html.append("<li>").append(escape(component.name())).append(": ").append(escape(label(component.status()))).append("</li>");
            }
            html.append("</ul>");
        }
        text.append("\n--\nYou get this email because you subscribed to incident notifications.\nUnsubscribe: ")
                .append(unsubscribeUrl).append('\n');
        html.append("<hr><p style=\"color: #666; font-size: small\">You get this email because you subscribed to incident notifications. ")
                .append("<a href=\"").append(escape(unsubscribeUrl)).append("\">Unsubscribe</a></p></body></html>");
        return new RenderedEmail(subject(event), text.toString(), html.toString());
    }

    public RenderedEmail confirmation(String confirmUrl, String unsubscribeUrl) {
        String subject = "Confirm your subscription to incident notifications";
        String text = "Someone, hopefully you, asked to receive incident notifications at this address.\n\n"
                + "Confirm the subscription: " + confirmUrl + "\n\n"
                + "If it was not you, ignore this email: nothing will be sent unless you confirm.\n"
                + "Unsubscribe: " + unsubscribeUrl + "\n";
        String html = "<!DOCTYPE html><html><body style=\"font-family: sans-serif\">"
                + "<p>Someone, hopefully you, asked to receive incident notifications at this address.</p>"
                + "<p><a href=\"" + escape(confirmUrl) + "\">Confirm the subscription</a></p>"
                + "<p>If it was not you, ignore this email: nothing will be sent unless you confirm.</p>"
                + "<hr><p style=\"color: #666; font-size: small\"><a href=\"" + escape(unsubscribeUrl) + "\">Unsubscribe</a></p>"
                + "</body></html>";
        return new RenderedEmail(subject, text, html);
    }

    static String label(Impact impact) {
        return impact == Impact.NONE ? "No impact" : capitalise(impact.wireName());
    }

    static String label(IncidentStatus status) {
        return capitalise(status.wireName());
    }

    static String label(ComponentStatus status) {
        return capitalise(status.wireName().replace('_', ' '));
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
