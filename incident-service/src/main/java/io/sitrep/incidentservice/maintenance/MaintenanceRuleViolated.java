package io.sitrep.incidentservice.maintenance;

/**
 * A command the maintenance state machine refuses. {@link #rule()} names the rule, stable enough to be
 * part of the API's problem type, e.g. {@code maintenance-not-started}.
 */
public final class MaintenanceRuleViolated extends RuntimeException {

    /** Complete or post a status to a window that has not started. */
    public static final String NOT_STARTED = "maintenance-not-started";
    /** Start or cancel a window that has started already. */
    public static final String ALREADY_STARTED = "maintenance-already-started";
    /** Change a window that is completed or cancelled. */
    public static final String FINISHED = "maintenance-finished";
    /** Reschedule, rename or change the components of a window that is no longer scheduled. */
    public static final String NOT_SCHEDULED = "maintenance-not-scheduled";
    /** Set a status through an update that only its own command sets. */
    public static final String STATUS_NEEDS_COMMAND = "maintenance-status-needs-command";

    private final String rule;

    public MaintenanceRuleViolated(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
