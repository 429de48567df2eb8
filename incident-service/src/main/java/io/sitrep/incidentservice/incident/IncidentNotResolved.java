package io.sitrep.incidentservice.incident;

/** A reopening, or a postmortem, of an incident that is still open. */
public final class IncidentNotResolved extends IncidentRuleViolated {

    public IncidentNotResolved(IncidentId id, String attempted) {
        super("incident-not-resolved", "Incident " + id + " is not resolved; resolve it before you " + attempted + ".");
    }
}
