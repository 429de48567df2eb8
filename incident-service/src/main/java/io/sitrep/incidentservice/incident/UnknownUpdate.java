package io.sitrep.incidentservice.incident;

import java.util.UUID;

/** No update of the incident has this id. */
public final class UnknownUpdate extends RuntimeException {

    public UnknownUpdate(IncidentId incident, UUID update) {
        super("Incident " + incident + " has no update " + update + ".");
    }
}
