package io.sitrep.incidentservice.incident;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.Visibility;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Incidents in a known state, built only through the aggregate's own commands. Time is fixed: an
 * incident opens at {@link #OPENED_AT}, is resolved at {@link #RESOLVED_AT}, and a test acts at
 * {@link #NOW}, which carries nanoseconds so that truncation to microseconds shows.
 */
final class IncidentFixtures {

    static final Instant OPENED_AT = Instant.parse("2025-03-01T10:00:00.123456Z");
    static final Instant RESOLVED_AT = OPENED_AT.plus(Duration.ofMinutes(30));
    static final Instant NOW = OPENED_AT.plus(Duration.ofHours(1)).plusNanos(789);
    /** {@link #NOW} as the aggregate records it. */
    static final Instant NOW_IN_MICROS = OPENED_AT.plus(Duration.ofHours(1));

    static final String TITLE = "Checkout fails for some customers";
    static final Impact OPENING_IMPACT = Impact.MAJOR;

    private IncidentFixtures() {
    }

    static Incident anOpenIncident() {
        return anOpenIncident(IncidentStatus.INVESTIGATING);
    }

    static Incident anOpenIncident(IncidentStatus status) {
        return Incident.open(new OpenIncident(TITLE, status, OPENING_IMPACT, "We are looking into it.", null), List.of(), OPENED_AT)
                .incident();
    }

    /** An incident opened with these component statuses; the components were operational before. */
    static Incident anOpenIncidentAffecting(ComponentStatusChange... components) {
        return Incident.open(new OpenIncident(TITLE, null, OPENING_IMPACT, "We are looking into it.", null), List.of(components), OPENED_AT)
                .incident();
    }

    /** An internal incident, as an alert opens one: version 1. */
    static Incident anInternalIncident() {
        return Incident.open(new OpenIncident("[FIRING:1] CheckoutErrorRate", null, Impact.MINOR, "5xx on web-1", null, Visibility.INTERNAL),
                List.of(), OPENED_AT).incident();
    }

    static Incident aResolvedIncident() {
        return aResolvedIncident(IncidentStatus.INVESTIGATING);
    }

    /** An incident opened in {@code openedAs}, then resolved: version 2. */
    static Incident aResolvedIncident(IncidentStatus openedAs) {
        Incident incident = anOpenIncident(openedAs);
        incident.resolve(aResolution(), List.of(), RESOLVED_AT);
        return incident;
    }

    /** A resolved incident with a published postmortem: version 3. */
    static Incident aResolvedIncidentWithPostmortem(String body) {
        Incident incident = aResolvedIncident();
        incident.publishPostmortem(body, RESOLVED_AT.plus(Duration.ofMinutes(5)));
        return incident;
    }

    static UpdateIncident anUpdate(IncidentStatus status) {
        return new UpdateIncident(status, null, "An update.", null);
    }

    static UpdateIncident anUpdateOccurredAt(Instant occurredAt) {
        return new UpdateIncident(null, null, "A backfilled update.", occurredAt);
    }

    static ResolveIncident aResolution() {
        return new ResolveIncident("Fixed.", null);
    }

    static ResolveIncident aResolutionOccurredAt(Instant occurredAt) {
        return new ResolveIncident("Fixed.", occurredAt);
    }

    static ReopenIncident aReopening(IncidentStatus status) {
        return new ReopenIncident("It is back.", status, null);
    }

    static ReopenIncident aReopeningOccurredAt(Instant occurredAt) {
        return new ReopenIncident("It is back.", null, occurredAt);
    }

    static ComponentStatusChange component(String id, ComponentStatus status, ComponentStatus previousStatus) {
        return new ComponentStatusChange(id, "Component " + id, status, previousStatus);
    }

    /** The statuses an incident can be in while open. */
    static Stream<IncidentStatus> openStatuses() {
        return Stream.of(IncidentStatus.values()).filter(IncidentStatus::isOpen);
    }
}
