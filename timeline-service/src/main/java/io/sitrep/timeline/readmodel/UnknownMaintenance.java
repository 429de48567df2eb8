package io.sitrep.timeline.readmodel;

import java.time.Instant;
import java.util.UUID;

/** No maintenance window has this id (or none had been published by the moment asked for). */
public final class UnknownMaintenance extends RuntimeException {

    public UnknownMaintenance(UUID id) {
        super("No maintenance window has the id " + id + ".");
    }

    public UnknownMaintenance(UUID id, Instant asOf) {
        super("No maintenance window with the id " + id + " had been published by " + asOf + ".");
    }
}
