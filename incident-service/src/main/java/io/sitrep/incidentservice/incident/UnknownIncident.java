package io.sitrep.incidentservice.incident;

/** No incident has this id. */
public final class UnknownIncident extends RuntimeException {

    public UnknownIncident(IncidentId id) {
        super("No incident has the id " + id + ".");
    }
}
