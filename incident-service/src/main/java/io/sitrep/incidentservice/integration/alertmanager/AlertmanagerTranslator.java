package io.sitrep.incidentservice.integration.alertmanager;

import io.sitrep.events.Impact;
import io.sitrep.incidentservice.integration.IntegrationSettings;
import io.sitrep.incidentservice.integration.Signal;
import io.sitrep.incidentservice.integration.Texts;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns an Alertmanager notification into a signal. A firing group triggers; the group's state is
 * the set of alerts with their statuses, the impact and the components, so Alertmanager's re-sends
 * (retries, {@code repeat_interval}) repeat the same state and change nothing. A resolved group
 * resolves.
 */
public final class AlertmanagerTranslator {

    private static final int LISTED_ALERTS = 20;

    private final IntegrationSettings settings;

    public AlertmanagerTranslator(IntegrationSettings settings) {
        this.settings = settings;
    }

    public Signal translate(AlertmanagerNotification notification) {
        IntegrationSettings.Alertmanager names = settings.alertmanager();
        List<AlertmanagerNotification.Alert> firing = notification.alerts().stream().filter(AlertmanagerNotification.Alert::firing).toList();
        if (!notification.firing() || firing.isEmpty()) {
            Instant endedAt = notification.alerts().stream().map(AlertmanagerNotification.Alert::endsAt)
                    .filter(Objects::nonNull).filter(t -> t.getEpochSecond() > 0).max(Comparator.naturalOrder()).orElse(null);
            return new Signal.Resolve(Texts.fit(resolvedMessage(notification), Texts.MESSAGE_LIMIT), endedAt);
        }
        Impact impact = firing.stream()
                .map(alert -> settings.impactOf(label(notification, alert, names.severityLabel())))
                .max(Comparator.naturalOrder())
                .orElse(settings.defaultImpact());
        List<String> components = firing.stream()
                .map(alert -> label(notification, alert, names.componentLabel()))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Instant startedAt = firing.stream().map(AlertmanagerNotification.Alert::startsAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        String stateKey = notification.alerts().stream()
                .map(alert -> identity(alert) + "=" + alert.status())
                .collect(Collectors.toCollection(TreeSet::new)) + "|" + impact.wireName() + "|" + components;
        return new Signal.Trigger(Texts.fit(title(notification, firing.get(0)), Texts.TITLE_LIMIT), impact,
                Texts.fit(firingMessage(notification, firing), Texts.MESSAGE_LIMIT), components, stateKey, startedAt);
    }

    private String title(AlertmanagerNotification notification, AlertmanagerNotification.Alert first) {
        String title = annotation(notification, first, settings.alertmanager().titleAnnotation());
        if (title != null) {
            return title;
        }
        String alertname = label(notification, first, "alertname");
        return alertname != null ? alertname : "Alert group " + notification.groupKey();
    }

    private String firingMessage(AlertmanagerNotification notification, List<AlertmanagerNotification.Alert> firing) {
        StringBuilder message = new StringBuilder();
        String description = annotation(notification, firing.get(0), settings.alertmanager().messageAnnotation());
        message.append(description != null ? description : title(notification, firing.get(0))).append("\n\n");
        int resolved = notification.alerts().size() - firing.size();
        message.append(firing.size()).append(firing.size() == 1 ? " alert firing" : " alerts firing");
        if (resolved > 0) {
            message.append(", ").append(resolved).append(" resolved");
        }
        message.append(':');
        appendAlerts(message, firing);
        if (notification.truncatedAlerts() > 0) {
            message.append("\n\n(").append(notification.truncatedAlerts()).append(" more alerts not sent by Alertmanager)");
        }
        return message.toString();
    }

    private String resolvedMessage(AlertmanagerNotification notification) {
        StringBuilder message = new StringBuilder("All alerts of this group are resolved:");
        appendAlerts(message, notification.alerts());
        return message.toString();
    }

    /** The alerts as a Markdown list after a blank line, so that each shows on a line of its own. */
    private void appendAlerts(StringBuilder message, List<AlertmanagerNotification.Alert> alerts) {
        message.append('\n');
        alerts.stream().limit(LISTED_ALERTS).forEach(alert -> message.append("\n- ").append(describe(alert)));
        if (alerts.size() > LISTED_ALERTS) {
            message.append("\n- … and ").append(alerts.size() - LISTED_ALERTS).append(" more");
        }
    }

    private String describe(AlertmanagerNotification.Alert alert) {
        String name = alert.labels().getOrDefault("alertname", "alert");
        String instance = alert.labels().get("instance");
        String summary = alert.annotations().get(settings.alertmanager().titleAnnotation());
        return Texts.markdownLiteral(name) + (instance != null ? " on " + Texts.markdownLiteral(instance) : "")
                + (summary != null ? ": " + Texts.markdownLiteral(summary) : "");
    }

    private static String identity(AlertmanagerNotification.Alert alert) {
        return alert.fingerprint() != null ? alert.fingerprint() : new java.util.TreeMap<>(alert.labels()).toString();
    }

    private static String label(AlertmanagerNotification notification, AlertmanagerNotification.Alert alert, String name) {
        String value = alert.labels().get(name);
        return blank(value) ? blankToNull(notification.commonLabels().get(name)) : value.strip();
    }

    private static String annotation(AlertmanagerNotification notification, AlertmanagerNotification.Alert alert, String name) {
        String value = notification.commonAnnotations().get(name);
        return blank(value) ? blankToNull(alert.annotations().get(name)) : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.strip();
    }

}
