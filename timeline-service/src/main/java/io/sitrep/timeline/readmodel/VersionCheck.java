package io.sitrep.timeline.readmodel;

/**
 * What to do with an event, given the version already applied for its aggregate. Every event carries
 * the aggregate's full snapshot, so an event that skips versions can be applied safely: the gap is
 * recorded, never silently ignored.
 */
public enum VersionCheck {
    /** The next version: apply it. */
    APPLY,
    /** Ahead of the next version: record the gap, then apply it. */
    APPLY_AFTER_GAP,
    /** The version already applied: a redelivery; skip it. */
    SKIP_CURRENT,
    /** An older version: a replay; skip it. */
    SKIP_OLD;

    /**
     * @param applied  the version applied so far, 0 when the aggregate is new
     * @param received the version of the event
     */
    public static VersionCheck of(long applied, long received) {
        if (received == applied + 1) {
            return APPLY;
        }
        if (received > applied + 1) {
            return APPLY_AFTER_GAP;
        }
        return received == applied ? SKIP_CURRENT : SKIP_OLD;
    }

    public boolean applies() {
        return this == APPLY || this == APPLY_AFTER_GAP;
    }
}
