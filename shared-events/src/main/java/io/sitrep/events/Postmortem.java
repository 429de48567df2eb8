package io.sitrep.events;

import java.util.Objects;

/** A postmortem: a markdown body and its revision, 1 for the first publication. */
public record Postmortem(int revision, String body) {

    public Postmortem {
        Objects.requireNonNull(body, "body");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be 1 or more, was " + revision);
        }
    }
}
