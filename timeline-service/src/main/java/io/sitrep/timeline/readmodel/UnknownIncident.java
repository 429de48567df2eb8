package io.sitrep.timeline.readmodel;

import java.time.Instant;
import java.util.UUID;

/** No incident has this id (or none had been published by the moment asked for). */
public final class UnknownIncident extends RuntimeException {

    public UnknownIncident(UUID id) {
        super("No incident has the id " + id + ".");
    }

    public UnknownIncident(UUID id, Instant asOf) {
        super("No incident with the id " + id + " had been published by " + asOf + ".");
    }
}
