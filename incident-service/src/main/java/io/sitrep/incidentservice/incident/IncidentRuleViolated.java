package io.sitrep.incidentservice.incident;

/**
 * A command that the incident state machine refuses. {@link #rule()} names the rule, stable enough
 * to be part of the API's problem type.
 */
public abstract class IncidentRuleViolated extends RuntimeException {

    private final String rule;

    protected IncidentRuleViolated(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
