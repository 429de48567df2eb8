package io.sitrep.incidentservice.integration;

import io.sitrep.events.Impact;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What an alerting tool says about one alert group or dedup key, in Sitrep's terms. */
public sealed interface Signal {

    /**
     * The problem is happening: open an incident, or update the open one when {@code stateKey}
     * differs from the last one applied (a repeat of the same state changes nothing).
     *
     * @param components ids of the components it affects, as the tool names them; unknown ids are left out
     * @param stateKey   what identifies this state of the alert, so that re-sends are recognised
     * @param occurredAt when it started, or null for now
     */
    record Trigger(String title, Impact impact, String message, List<String> components, String stateKey, Instant occurredAt)
            implements Signal {

        public Trigger {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(impact, "impact");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(stateKey, "stateKey");
            components = List.copyOf(components);
        }
    }

    /** Someone is on it: the open incident moves to identified. */
    record Acknowledge(String message) implements Signal {
    }

    /**
     * It is over: the open incident is resolved.
     *
     * @param occurredAt when it ended, or null for now
     */
    record Resolve(String message, Instant occurredAt) implements Signal {
    }
}
