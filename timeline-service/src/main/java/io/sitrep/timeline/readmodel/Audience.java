package io.sitrep.timeline.readmodel;

/** Who a read is for: decides whether internal incidents, internal timeline entries and actors are shown. */
public enum Audience {
    /** Anyone: public incidents and their public entries only, without who posted them. */
    PUBLIC,
    /**
     * Anyone, on a status page set to show who posted ({@code sitrep.timeline.page.show-actor}): what {@link #PUBLIC}
     * sees, with each entry's actor.
     */
    PUBLIC_WITH_ACTORS,
    /** A caller with a key: every incident and entry, with its visibility and actor. */
    RESPONDERS;

    public boolean seesInternal() {
        return this == RESPONDERS;
    }

    /** Whether entries show who posted them. */
    public boolean seesActors() {
        return this != PUBLIC;
    }
}
