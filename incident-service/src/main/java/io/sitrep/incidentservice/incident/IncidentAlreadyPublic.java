package io.sitrep.incidentservice.incident;

/** A publish of an incident that the public already sees: an incident is published once. */
public final class IncidentAlreadyPublic extends IncidentRuleViolated {

    public IncidentAlreadyPublic(IncidentId id) {
        super("incident-already-public", "Incident " + id + " is public already; an incident is published once.");
    }
}
