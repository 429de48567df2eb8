package io.sitrep.timeline.readmodel;

/** Who a read is for: decides whether internal incidents, internal timeline entries and actors are shown. */
public enum Audience {
    /** Anyone: public incidents and their public entries only, without who posted them. */
    PUBLIC,
    /** A caller with a key: every incident and entry, with its visibility and actor. */
    RESPONDERS;

    public boolean seesInternal() {
        return this == RESPONDERS;
    }
}
