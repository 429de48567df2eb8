package io.sitrep.notification;

import io.sitrep.events.AffectedComponent;
import io.sitrep.events.ComponentChange;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentSnapshot;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.IncidentUpdate;
import io.sitrep.events.IncidentUpdated;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Incident events as incident-service publishes them, built through the contract's constructors. */
public final class Incidents {

    private Incidents() {
    }

    /** A new incident affecting one component. */
    public static IncidentOpened opened(String component, Impact impact) {
        return opened(UUID.randomUUID(), "API degraded", component, impact);
    }

    public static IncidentOpened opened(UUID incidentId, String title, String component, Impact impact) {
        return opened(incidentId, title, component, impact, "We are investigating elevated error rates.");
    }

    /** A new incident affecting one component, whose first update says {@code message} (Markdown). */
    public static IncidentOpened opened(UUID incidentId, String title, String component, Impact impact, String message) {
        Instant now = Instant.now();
        return new IncidentOpened(UUID.randomUUID(), incidentId, 1, now, now,
                new IncidentUpdate(UUID.randomUUID(), IncidentStatus.INVESTIGATING, null, impact, null, message,
                        List.of(new ComponentChange(component, "Component " + component, ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL))),
                snapshot(incidentId, title, IncidentStatus.INVESTIGATING, impact, component, 1, now));
    }

    /** The update that identifies the cause of an opened incident. */
    public static IncidentUpdated identified(IncidentOpened opened) {
        Instant now = Instant.now();
        String component = opened.incident().components().get(0).id();
        Impact impact = opened.incident().impact();
        return new IncidentUpdated(UUID.randomUUID(), opened.incidentId(), 2, now, now,
                new IncidentUpdate(UUID.randomUUID(), IncidentStatus.IDENTIFIED, IncidentStatus.INVESTIGATING, impact, impact,
                        "A faulty load balancer drops connections; we are replacing it.", List.of()),
                snapshot(opened.incidentId(), opened.incident().title(), IncidentStatus.IDENTIFIED, impact, component, 2,
                        opened.incident().createdAt()));
    }

    private static IncidentSnapshot snapshot(UUID id, String title, IncidentStatus status, Impact impact, String component, long version,
                                             Instant createdAt) {
        return new IncidentSnapshot(id, title, status, impact,
                List.of(new AffectedComponent(component, "Component " + component, ComponentStatus.PARTIAL_OUTAGE)),
                createdAt, Instant.now(), null, version);
    }
}
