package io.sitrep.notification.email;

import io.sitrep.events.EventType;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.GoldenSamples;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.MaintenanceScheduled;
import io.sitrep.events.MaintenanceUpdated;
import io.sitrep.notification.Incidents;
import io.sitrep.notification.Maintenances;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmailRendererTest {

    private final EmailRenderer renderer = new EmailRenderer();
    private final EmailRenderer berlin = new EmailRenderer(ZoneId.of("Europe/Berlin"));

    @Test
    void theSubjectSaysImpactTitleAndStatus() throws Exception {
        IncidentEvent updated = (IncidentEvent) new EventCodec().decode("incident.updated", GoldenSamples.sample(EventType.INCIDENT_UPDATED));

        assertThat(renderer.subject(updated)).isEqualTo("[Critical] Elevated error rates in eu-west region — Identified");
    }

    @Test
    void aPostmortemSaysSo() throws Exception {
        IncidentEvent postmortem = (IncidentEvent) new EventCodec().decode("postmortem.published",
                GoldenSamples.sample(EventType.POSTMORTEM_PUBLISHED));

        assertThat(renderer.subject(postmortem)).endsWith(" — Postmortem published");
    }

    @Test
    void theHtmlBodyEscapesWhatItQuotes() {
        var opened = Incidents.opened(java.util.UUID.randomUUID(), "<script>alert(1)</script>", "api", Impact.NONE);

        RenderedEmail email = renderer.incident(opened, "https://example.com/u?token=a&b");

        assertThat(email.subject()).startsWith("Sitrep: [No impact] ");
        assertThat(email.html()).doesNotContain("<script>").contains("&lt;script&gt;").contains("token=a&amp;b");
        assertThat(email.text()).contains("<script>alert(1)</script>").contains("Component api: Partial outage");
    }

    @Test
    void anIncidentEmailsTextAndHtmlReadAsAWhole() throws Exception {
        IncidentEvent updated = (IncidentEvent) new EventCodec().decode("incident.updated", GoldenSamples.sample(EventType.INCIDENT_UPDATED));

        RenderedEmail email = renderer.incident(updated, "https://example.com/u");

        assertThat(email.text()).startsWith("Elevated error rates in eu-west region\n\nStatus: Identified\nImpact: Critical\nUpdated: ")
                .containsPattern("\n\nAffected components:\n(- [^\n]+: [A-Z][a-z ]+\n)+\nView the incident: ")
                .endsWith("\nView the incident: http://localhost:8083/incidents/" + updated.incidentId() + "\nStatus page: http://localhost:8083\n"
                        + "--\nYou get this email because you subscribed to Sitrep incident notifications.\nUnsubscribe: https://example.com/u\n");
        assertThat(email.html()).startsWith("<!DOCTYPE html>").contains("<h2>Elevated error rates in eu-west region</h2>")
                .contains("<strong>Impact:</strong> Critical<br>").containsPattern("<ul>\n(<li>[^<]+: [A-Z][a-z ]+</li>\n)+</ul>")
                .contains("<a href=\"https://example.com/u\">Unsubscribe</a>")
                .contains("<a href=\"http://localhost:8083/incidents/" + updated.incidentId() + "\">View the incident</a>")
                .contains("<a href=\"http://localhost:8083\">Sitrep status page</a>");
    }

    // Issue 13: messages are Markdown; the HTML part showed their source in a pre-wrapped paragraph.
    @Test
    void theHtmlPartRendersTheMessagesMarkdownSanitizedAndTheTextPartKeepsItsSource() {
        String markdown = "We are **investigating**.\n\n- drained `web-1`\n- see [runbook](https://runbook.example/a)\n\n"
                + "<script>alert(1)</script>\n\n[x](javascript:alert(2)) <img src=x onerror=alert(3)>";
        var opened = Incidents.opened(java.util.UUID.randomUUID(), "API degraded", "api", Impact.MAJOR, markdown);

        RenderedEmail email = renderer.incident(opened, "https://example.com/u");

        assertThat(email.html()).contains("<p>We are <strong>investigating</strong>.</p>", "<li>drained <code>web-1</code></li>")
                .containsPattern("<a href=\"https://runbook\\.example/a\" rel=\"(nofollow noopener|noopener nofollow)\">runbook</a>")
                .doesNotContain("<script", "alert(", "javascript:", "onerror", "<img", "**");
        assertThat(email.text()).contains(markdown);
    }

    // Issue 13: the same Markdown the page and the feed render: headings, tables and code blocks too, and raw HTML removed.
    @Test
    void theHtmlPartRendersHeadingsTablesAndCodeAndRemovesRawHtml() {
        String markdown = "# Cause\n\n| Region | Errors |\n|---|---|\n| eu-west | 5% |\n\n```\nopenssl x509 -enddate\n```\n\n"
                + "<div onclick=\"steal()\">raw block</div>";
        var opened = Incidents.opened(java.util.UUID.randomUUID(), "API degraded", "api", Impact.MAJOR, markdown);

        RenderedEmail email = renderer.incident(opened, "https://example.com/u");

        assertThat(email.html()).containsPattern("<h[1-6]>Cause</h[1-6]>")
                .contains("<table>", "<th>Region</th>", "<td>eu-west</td>", "<pre><code>openssl x509 -enddate")
                .doesNotContain("onclick", "raw block", "<div onclick", "# Cause");
        assertThat(email.text()).contains(markdown);
    }

    // Issue 13: "1 alert firing: - X on web-1" ran together; an alert's list keeps a line per alert in both parts.
    @Test
    void anAlertsListKeepsALinePerAlertInBothParts() {
        String alertText = "Checkout fails.\n\n1 alert firing:\n\n- CheckoutErrors on web-1";
        var opened = Incidents.opened(java.util.UUID.randomUUID(), "CheckoutErrors", "api", Impact.MAJOR, alertText);

        RenderedEmail email = renderer.incident(opened, "https://example.com/u");

        assertThat(email.html()).contains("<p>1 alert firing:</p>", "<ul><li>CheckoutErrors on web-1</li></ul>")
                .doesNotContain("firing: - CheckoutErrors");
        assertThat(email.text()).contains("1 alert firing:\n\n- CheckoutErrors on web-1");
    }

    @Test
    void aMaintenanceEmailsHtmlPartRendersItsMessage() {
        MaintenanceEvent scheduled = Maintenances.updated(Maintenances.scheduled("api"), "During the window:\n\n1. reads work\n2. writes wait");

        RenderedEmail email = renderer.maintenance(scheduled, "https://example.com/u");

        assertThat(email.html()).contains("<ol><li>reads work</li><li>writes wait</li></ol>");
        assertThat(email.text()).contains("1. reads work\n2. writes wait");
    }

    @Test
    void theConfirmationEmailLinksToConfirmAndUnsubscribe() {
        RenderedEmail email = renderer.confirmation("https://example.com/c?token=x&y", "https://example.com/u");

        assertThat(email.subject()).isEqualTo("Confirm your subscription to Sitrep incident notifications");
        assertThat(email.text()).contains("Confirm the subscription: https://example.com/c?token=x&y\n").contains("Unsubscribe: https://example.com/u");
        assertThat(email.html()).contains("<a href=\"https://example.com/c?token=x&amp;y\">Confirm the subscription</a>");
        assertThat(email.text()).contains("asked to receive Sitrep incident notifications").contains("Components: every component\n");
    }

    @Test
    void theConfirmationEmailNamesTheChosenComponents() {
        RenderedEmail email = renderer.confirmation("https://example.com/c", "https://example.com/u", java.util.Set.of("db", "api"));

        assertThat(email.text()).contains("Components: api, db\n");
        assertThat(email.html()).contains("<strong>Components:</strong> api, db");
    }

    @Test
    void aMaintenanceEmailSaysScheduledMaintenanceAndGivesTheWindowInUtcAndThePagesTimeZone() throws Exception {
        MaintenanceEvent scheduled = sample(EventType.MAINTENANCE_SCHEDULED);

        RenderedEmail email = berlin.maintenance(scheduled, "https://example.com/u?token=a&b");

        assertThat(email.subject()).isEqualTo("Sitrep: [Scheduled maintenance] Database upgrade in eu-west — Scheduled");
        assertThat(email.text()).startsWith("Scheduled maintenance: Database upgrade in eu-west\n")
                .contains("Window: 9 November 2025, 02:00–04:00 UTC\n        9 November 2025, 03:00–05:00 CET (Europe/Berlin)\n")
                .contains("Components: Public API, Dashboard\n")
                .contains("Status: Scheduled\n")
                .contains("Posted: 3 November 2025, 10:15 UTC\n")
                .contains("Reads are not affected.")
                .contains("Unsubscribe: https://example.com/u?token=a&b");
        assertThat(email.html()).contains("<p style=\"color: #1f5fa8; font-weight: bold\">Scheduled maintenance</p>")
                .contains("<strong>Window:</strong> 9 November 2025, 02:00–04:00 UTC<br>")
                .contains("<strong>Local time:</strong> 9 November 2025, 03:00–05:00 CET (Europe/Berlin)")
                .contains("href=\"https://example.com/u?token=a&amp;b\"");
    }

    @Test
    void aMaintenanceEmailsTextReadsAsAWhole() throws Exception {
        RenderedEmail email = berlin.maintenance(sample(EventType.MAINTENANCE_STARTED), "https://example.com/u");

        assertThat(email.text()).isEqualTo("""
                Scheduled maintenance: Database upgrade in eu-west

                This scheduled maintenance has started.

                Status: In progress
                Window: 9 November 2025, 03:00–05:00 UTC
                        9 November 2025, 04:00–06:00 CET (Europe/Berlin)
                Components: Public API, Dashboard
                Posted: 9 November 2025, 03:00 UTC

                The scheduled maintenance has started.

                Status page: http://localhost:8083
                --
                You get this email because you subscribed to Sitrep notifications of incidents and scheduled maintenance.
                Unsubscribe: https://example.com/u
                """);
    }

    @Test
    void aPageInUtcGivesTheWindowOnce() throws Exception {
        RenderedEmail email = renderer.maintenance(sample(EventType.MAINTENANCE_SCHEDULED), "https://example.com/u");

        assertThat(email.text()).contains("Window: 9 November 2025, 02:00–04:00 UTC\nComponents: ").doesNotContain("(");
        assertThat(email.html()).doesNotContain("Local time");
    }

    @Test
    void aReminderSaysTheWindowStartsInTheTimeLeft() throws Exception {
        MaintenanceEvent reminder = sample(EventType.MAINTENANCE_REMINDER);

        RenderedEmail email = berlin.maintenance(reminder, "https://example.com/u");

        assertThat(email.subject()).isEqualTo("Sitrep: [Scheduled maintenance] Database upgrade in eu-west — Starts in 1 hour");
        assertThat(email.text()).contains("This scheduled maintenance starts in 1 hour.")
                .contains("Window: 9 November 2025, 03:00–05:00 UTC\n        9 November 2025, 04:00–06:00 CET (Europe/Berlin)\n");
    }

    @Test
    void startedCompletedAndCancelledEmailsSaySo() throws Exception {
        RenderedEmail started = renderer.maintenance(sample(EventType.MAINTENANCE_STARTED), "https://example.com/u");
        RenderedEmail completed = renderer.maintenance(sample(EventType.MAINTENANCE_COMPLETED), "https://example.com/u");
        RenderedEmail cancelled = renderer.maintenance(sample(EventType.MAINTENANCE_CANCELLED), "https://example.com/u");

        assertThat(started.subject()).endsWith(" — Started");
        assertThat(started.text()).contains("This scheduled maintenance has started.").contains("Status: In progress");
        assertThat(completed.subject()).endsWith(" — Completed");
        assertThat(completed.text()).contains("This scheduled maintenance is completed.").contains("Status: Completed");
        assertThat(cancelled.subject()).isEqualTo("Sitrep: [Scheduled maintenance] Read replica upgrade in eu-west — Cancelled");
        assertThat(cancelled.text()).contains("This scheduled maintenance has been cancelled; it will not take place.");
    }

    @Test
    void anUpdateWithAMessageQuotesItAndAChangeWithoutOneSaysTheWindowChanged() throws Exception {
        MaintenanceScheduled scheduled = Maintenances.scheduled("api");
        MaintenanceUpdated rescheduled = Maintenances.rescheduled(scheduled, Duration.ofHours(1));

        RenderedEmail posted = renderer.maintenance(sample(EventType.MAINTENANCE_UPDATED), "https://example.com/u");
        RenderedEmail silent = renderer.maintenance(rescheduled, "https://example.com/u");

        assertThat(posted.subject()).endsWith(" — Updated");
        assertThat(posted.text()).contains("This scheduled maintenance has been updated.").contains("We have moved the window one hour later");
        assertThat(silent.subject()).endsWith(" — Updated");
        assertThat(silent.text()).contains("The window, title or components of this scheduled maintenance changed")
                .doesNotContain("We will upgrade the database.");
        assertThat(silent.html()).doesNotContain("pre-wrap");
    }

    @Test
    void aMaintenanceEmailEscapesWhatItQuotesAndKeepsItsSubjectOnOneLine() {
        MaintenanceScheduled scheduled = Maintenances.scheduled("<b>Upgrade</b>\r\nBcc: someone@example.com", List.of("api"),
                Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-01T01:00:00Z"));

        RenderedEmail email = renderer.maintenance(scheduled, "https://example.com/u");

        assertThat(email.subject()).doesNotContain("\r").doesNotContain("\n").contains("<b>Upgrade</b> Bcc:");
        assertThat(email.html()).doesNotContain("<b>Upgrade</b>").contains("&lt;b&gt;Upgrade&lt;/b&gt;");
        assertThat(email.text()).contains("<b>Upgrade</b>\nBcc:");
    }

    private static MaintenanceEvent sample(EventType type) throws Exception {
        return (MaintenanceEvent) new EventCodec().decode(type.wireName(), GoldenSamples.sample(type));
    }
}
