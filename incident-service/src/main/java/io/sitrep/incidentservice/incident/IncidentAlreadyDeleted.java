package io.sitrep.incidentservice.incident;

/** A command on a deleted incident: a deleted incident takes no command at all. */
public final class IncidentAlreadyDeleted extends IncidentRuleViolated {

    public IncidentAlreadyDeleted(IncidentId id, String attempted) {
        super("incident-deleted", "Incident " + id + " was deleted; a deleted incident cannot " + attempted + ".");
    }
}
