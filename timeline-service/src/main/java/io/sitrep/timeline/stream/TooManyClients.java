package io.sitrep.timeline.stream;

/** The instance already serves as many stream clients as it may. */
public final class TooManyClients extends RuntimeException {

    public TooManyClients(int max) {
        super("This instance already streams to " + max + " clients; retry shortly.");
    }
}
