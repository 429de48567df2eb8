package io.sitrep.incidentservice.incident;

/** An update or resolution of an incident that is resolved; it must be reopened first. */
public final class IncidentAlreadyResolved extends IncidentRuleViolated {

    public IncidentAlreadyResolved(IncidentId id, String attempted) {
        super("incident-already-resolved", "Incident " + id + " is resolved; reopen it before you " + attempted + ".");
    }
}
