package io.sitrep.timeline.readmodel;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one-line answer to "is it working?", and why: the one place that decides {@code status.indicator} and its
 * description for the page, {@code /api/v1/status} and {@code /api/v2}. The rules (timeline-service/README.md):
 * <ul>
 *   <li>The indicator is the worst of the open incidents' impacts ({@code none}, {@code minor}, {@code major},
 *       {@code critical}) and the components' statuses: degraded performance counts as minor, a partial outage as
 *       major, a major outage as critical; operational and maintenance as none.</li>
 *   <li>The description is Statuspage's phrase for the indicator: {@code All Systems Operational}, {@code Minor Service
 *       Outage}, {@code Partial System Outage}, {@code Major Service Outage}; at none with a component under maintenance,
 *       {@code Service Under Maintenance}.</li>
 *   <li>The reasons travel with it: the open incidents, worst impact first, and the components that are not
 *       operational, worst first. The page names them under the banner, so that a banner is never worse than what
 *       the page shows without saying why.</li>
 * </ul>
 *
 * @param incidents  the open incidents, worst impact first, then newest first
 * @param components the components not operational, worst status first
 */
public record OverallStatus(Indicator indicator, String description, List<IncidentView> incidents, List<ComponentView> components) {

    public OverallStatus {
        incidents = List.copyOf(incidents);
        components = List.copyOf(components);
    }

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

    /** See the type's rules. */
    public static OverallStatus of(Collection<ComponentView> components, Collection<IncidentView> openIncidents) {
        Indicator worst = Indicator.NONE;
        boolean maintenance = false;
        for (ComponentView component : components) {
            worst = worst.worst(Indicator.of(component.status()));
            maintenance |= component.status() == ComponentStatus.UNDER_MAINTENANCE;
        }
        List<IncidentView> open = openIncidents.stream().filter(IncidentView::isOpen)
                .sorted(Comparator.comparing((IncidentView incident) -> Indicator.of(incident.impact())).reversed()
                        .thenComparing(IncidentView::createdAt, Comparator.reverseOrder()))
                .toList();
        for (IncidentView incident : open) {
            worst = worst.worst(Indicator.of(incident.impact()));
        }
        List<ComponentView> affected = components.stream().filter(component -> component.status() != ComponentStatus.OPERATIONAL)
                .sorted(Comparator.comparingInt((ComponentView component) -> severity(component.status())).reversed())
                .toList();
        String description = switch (worst) {
            case NONE -> maintenance ? "Service Under Maintenance" : "All Systems Operational";
            case MINOR -> "Minor Service Outage";
            case MAJOR -> "Partial System Outage";
            case CRITICAL -> "Major Service Outage";
        };
        return new OverallStatus(worst, description, open, affected);
    }

    /** True when every component is operational and no incident is open: nothing to explain. */
    public boolean allClear() {
        return incidents.isEmpty() && components.isEmpty();
    }

    private static int severity(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> 0;
            case UNDER_MAINTENANCE -> 1;
            case DEGRADED_PERFORMANCE -> 2;
            case PARTIAL_OUTAGE -> 3;
            case MAJOR_OUTAGE -> 4;
        };
    }
}
