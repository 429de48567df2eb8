package io.sitrep.timeline.readmodel;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;

import java.util.Collection;
import java.util.Locale;

/**
 * The one-line answer to "is it working?": the worst of the open incidents' impacts and the
 * components' statuses, in Statuspage's vocabulary.
 */
public record OverallStatus(Indicator indicator, String description) {

    /** How bad things are, in increasing order; the wire names are Statuspage's. */
    public enum Indicator {
        NONE, MINOR, MAJOR, CRITICAL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Indicator of(Impact impact) {
            return switch (impact) {
                case NONE -> NONE;
                case MINOR -> MINOR;
                case MAJOR -> MAJOR;
                case CRITICAL -> CRITICAL;
            };
        }

        static Indicator of(ComponentStatus status) {
            return switch (status) {
                case OPERATIONAL, UNDER_MAINTENANCE -> NONE;
                case DEGRADED_PERFORMANCE -> MINOR;
                case PARTIAL_OUTAGE -> MAJOR;
                case MAJOR_OUTAGE -> CRITICAL;
            };
        }

        Indicator worst(Indicator other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    /**
     * Degraded performance counts as minor, a partial outage as major and a major outage as critical;
     * an open incident counts with its impact. Maintenance alone leaves the indicator at none.
     */
    public static OverallStatus of(Collection<ComponentView> components, Collection<IncidentView> openIncidents) {
        Indicator worst = Indicator.NONE;
        boolean maintenance = false;
        for (ComponentView component : components) {
            worst = worst.worst(Indicator.of(component.status()));
            maintenance |= component.status() == ComponentStatus.UNDER_MAINTENANCE;
        }
        for (IncidentView incident : openIncidents) {
            if (incident.isOpen()) {
                worst = worst.worst(Indicator.of(incident.impact()));
            }
        }
        String description = switch (worst) {
            case NONE -> maintenance ? "Service Under Maintenance" : "All Systems Operational";
            case MINOR -> "Minor Service Outage";
            case MAJOR -> "Partial System Outage";
            case CRITICAL -> "Major Service Outage";
        };
        return new OverallStatus(worst, description);
    }
}
