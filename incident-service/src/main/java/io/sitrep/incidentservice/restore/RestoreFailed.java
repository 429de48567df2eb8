package io.sitrep.incidentservice.restore;

/** A restore could not finish; it changed nothing. */
public class RestoreFailed extends RuntimeException {

    public RestoreFailed(String reason, Throwable cause) {
        super("The restore changed nothing: " + reason, cause);
    }
}
