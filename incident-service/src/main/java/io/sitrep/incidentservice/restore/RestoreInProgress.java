package io.sitrep.incidentservice.restore;

/** A restore runs already on this instance; one at a time. */
public class RestoreInProgress extends RuntimeException {

    public RestoreInProgress() {
        super("A restore is running on this instance; wait until it has finished.");
    }
}
