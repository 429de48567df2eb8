package io.sitrep.incidentservice.integration.events;

import io.sitrep.events.Impact;
import io.sitrep.incidentservice.integration.IntegrationSettings;
import io.sitrep.incidentservice.integration.Signal;
import io.sitrep.incidentservice.integration.Texts;

import java.util.List;

/**
 * Turns a PagerDuty-shaped event into a signal: {@code trigger} opens or updates, {@code acknowledge}
 * moves to identified, {@code resolve} resolves. A trigger's state is its summary, severity and
 * component, so a duplicate trigger changes nothing.
 */
public final class AlertEventTranslator {

    /** The longest source, group or class quoted in a message; PagerDuty's own limit for them. */
    private static final int DETAIL_LIMIT = 255;

    private final IntegrationSettings settings;

    public AlertEventTranslator(IntegrationSettings settings) {
        this.settings = settings;
    }

    public Signal translate(AlertEvent event) {
        return switch (event.eventAction()) {
            case "trigger" -> trigger(event.payload());
            case "acknowledge" -> new Signal.Acknowledge(summary(event, "Acknowledged; the on-call responder is working on it."));
            case "resolve" -> new Signal.Resolve(summary(event, "Resolved."), null);
            default -> throw new IllegalArgumentException("event_action " + event.eventAction());
        };
    }

    private Signal trigger(AlertEvent.Payload payload) {
        Impact impact = settings.impactOf(payload.severity());
        List<String> components = payload.component() == null || payload.component().isBlank()
                ? List.of() : List.of(payload.component().strip());
        // The summary leaves room in the message for where the alert comes from.
        StringBuilder message = new StringBuilder(Texts.fit(payload.summary(), Texts.MESSAGE_LIMIT - 4 * DETAIL_LIMIT));
        message.append("\n\nSource: ").append(Texts.fit(payload.source(), DETAIL_LIMIT));
        if (payload.group() != null && !payload.group().isBlank()) {
            message.append("; group: ").append(Texts.fit(payload.group(), DETAIL_LIMIT));
        }
        if (payload.eventClass() != null && !payload.eventClass().isBlank()) {
            message.append("; class: ").append(Texts.fit(payload.eventClass(), DETAIL_LIMIT));
        }
        String stateKey = Texts.key(payload.summary().strip(), 1000) + "|" + impact.wireName() + "|" + components;
        return new Signal.Trigger(Texts.fit(payload.summary(), Texts.TITLE_LIMIT), impact,
                Texts.fit(message.toString(), Texts.MESSAGE_LIMIT), components, stateKey, payload.timestamp());
    }

    private static String summary(AlertEvent event, String fallback) {
        if (event.payload() != null && event.payload().summary() != null && !event.payload().summary().isBlank()) {
            return Texts.fit(event.payload().summary(), Texts.MESSAGE_LIMIT);
        }
        return fallback;
    }
}
