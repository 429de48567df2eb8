package io.sitrep.incidentservice.incident;

/**
 * Sizes an incident's texts and component list may have, whichever way a command arrives: the REST
 * API refuses larger values, the integrations fit what they derive from alerts into them.
 */
public final class IncidentLimits {

    /** The longest title, in characters. */
    public static final int TITLE = 200;

    /** The longest update message, in characters. */
    public static final int MESSAGE = 10_000;

    /** The longest postmortem, in characters. */
    public static final int POSTMORTEM = 100_000;

    /** The most components one command may name. */
    public static final int COMPONENTS = 50;

    private IncidentLimits() {
    }
}
