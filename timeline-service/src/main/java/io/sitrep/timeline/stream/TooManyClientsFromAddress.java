package io.sitrep.timeline.stream;

/** One client address already holds as many streams open on this instance as it may. */
public final class TooManyClientsFromAddress extends RuntimeException {

    public TooManyClientsFromAddress(int max) {
        super("This address already holds " + max + " streams open on this instance; close one or retry later.");
    }
}
