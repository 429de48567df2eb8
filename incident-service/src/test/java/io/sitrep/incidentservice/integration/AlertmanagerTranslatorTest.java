package io.sitrep.incidentservice.integration;

import io.sitrep.events.Impact;
import io.sitrep.events.Visibility;
import io.sitrep.incidentservice.integration.alertmanager.AlertmanagerNotification;
import io.sitrep.incidentservice.integration.alertmanager.AlertmanagerNotification.Alert;
import io.sitrep.incidentservice.integration.alertmanager.AlertmanagerTranslator;
import io.sitrep.support.markdown.Markdown;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertmanagerTranslatorTest {

    private final AlertmanagerTranslator translator = new AlertmanagerTranslator(
            new IntegrationSettings(null, Impact.MINOR, null, new IntegrationSettings.Alertmanager("severity", "component", "summary", "description"), Visibility.INTERNAL));

    @Test
    void theWorstSeverityOfTheFiringAlertsSetsTheImpact() {
        Signal signal = translator.translate(group("firing", alert("a", "firing", "warning"), alert("b", "firing", "critical"),
                alert("c", "resolved", "critical")));

        assertThat(signal).isInstanceOfSatisfying(Signal.Trigger.class, t -> assertThat(t.impact()).isEqualTo(Impact.CRITICAL));
    }

    @Test
    void anUnknownOrMissingSeverityGivesTheDefaultImpact() {
        Signal signal = translator.translate(group("firing", alert("a", "firing", null), alert("b", "firing", "meh")));

        assertThat(signal).isInstanceOfSatisfying(Signal.Trigger.class, t -> assertThat(t.impact()).isEqualTo(Impact.MINOR));
    }

    @Test
    void theSameAlertsInAnotherOrderAreTheSameState() {
        Signal.Trigger first = (Signal.Trigger) translator.translate(group("firing", alert("a", "firing", "warning"), alert("b", "firing", "warning")));
        Signal.Trigger second = (Signal.Trigger) translator.translate(group("firing", alert("b", "firing", "warning"), alert("a", "firing", "warning")));

        assertThat(second.stateKey()).isEqualTo(first.stateKey());
    }

    @Test
    void anAlertThatResolvesChangesTheState() {
        Signal.Trigger before = (Signal.Trigger) translator.translate(group("firing", alert("a", "firing", "warning"), alert("b", "firing", "warning")));
        Signal.Trigger after = (Signal.Trigger) translator.translate(group("firing", alert("a", "resolved", "warning"), alert("b", "firing", "warning")));

        assertThat(after.stateKey()).isNotEqualTo(before.stateKey());
    }

    @Test
    void aResolvedGroupResolvesAtItsLastEnd() {
        Signal signal = translator.translate(group("resolved", alert("a", "resolved", "warning")));

        assertThat(signal).isInstanceOfSatisfying(Signal.Resolve.class,
                r -> assertThat(r.occurredAt()).isEqualTo(Instant.parse("2026-10-20T08:00:00Z")));
    }

    // Issue 13: "1 alert firing: - X on web-1" ran together on one line wherever the message was shown.
    @Test
    void theFiringAlertsAreAMarkdownListOnLinesOfTheirOwn() {
        AlertmanagerNotification notification = new AlertmanagerNotification("4", "g", 2, "firing", "sitrep", Map.of(), Map.of(),
                Map.of("description", "Checkout fails."), null,
                List.of(new Alert("firing", Map.of("alertname", "CheckoutErrors", "instance", "web-1"), Map.of(), null, null, null, "f1"),
                        new Alert("firing", Map.of("alertname", "Checkout*Latency", "instance", "<pay-1>"), Map.of(), null, null, null, "f2")));

        Signal.Trigger trigger = (Signal.Trigger) translator.translate(notification);

        assertThat(trigger.message()).isEqualTo("""
                Checkout fails.

                2 alerts firing:

                - CheckoutErrors on web-1
                - Checkout\\*Latency on \\<pay-1\\>

                (2 more alerts not sent by Alertmanager)""");
        assertThat(Markdown.toHtml(trigger.message())).contains(
                "<p>2 alerts firing:</p>", "<ul><li>CheckoutErrors on web-1</li><li>Checkout*Latency on &lt;pay-1&gt;</li></ul>",
                "<p>(2 more alerts not sent by Alertmanager)</p>");
    }

    @Test
    void withoutASummaryTheAlertnameIsTheTitle() {
        AlertmanagerNotification notification = new AlertmanagerNotification("4", "g", 0, "firing", "sitrep", Map.of(), Map.of(), Map.of(),
                null, List.of(new Alert("firing", Map.of("alertname", "DiskFull"), Map.of(), null, null, null, "f")));

        Signal.Trigger trigger = (Signal.Trigger) translator.translate(notification);

        assertThat(trigger.title()).isEqualTo("DiskFull");
        assertThat(trigger.components()).isEmpty();
    }

    @Test
    void aLongSummaryIsCutToTheTitleLimit() {
        String longSummary = "x".repeat(500);
        AlertmanagerNotification notification = new AlertmanagerNotification("4", "g", 0, "firing", "sitrep", Map.of(), Map.of(),
                Map.of("summary", longSummary), null, List.of(alert("a", "firing", "warning")));

        Signal.Trigger trigger = (Signal.Trigger) translator.translate(notification);

        assertThat(trigger.title()).hasSize(Texts.TITLE_LIMIT).endsWith("…");
    }

    private static AlertmanagerNotification group(String status, Alert... alerts) {
        return new AlertmanagerNotification("4", "g", 0, status, "sitrep", Map.of(), Map.of("component", "api"),
                Map.of("summary", "API errors"), null, List.of(alerts));
    }

    private static Alert alert(String fingerprint, String status, String severity) {
        Map<String, String> labels = severity == null ? Map.of("alertname", "ApiErrors") : Map.of("alertname", "ApiErrors", "severity", severity);
        return new Alert(status, labels, Map.of(), Instant.parse("2026-10-20T07:00:00Z"),
                status.equals("resolved") ? Instant.parse("2026-10-20T08:00:00Z") : Instant.parse("0001-01-01T00:00:00Z"), null, fingerprint);
    }
}
