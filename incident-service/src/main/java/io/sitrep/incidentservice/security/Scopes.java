package io.sitrep.incidentservice.security;

/** The scopes incident-service's commands need; {@code admin} grants them all. */
public final class Scopes {

    public static final String INCIDENTS_WRITE = "incidents:write";
    public static final String COMPONENTS_WRITE = "components:write";
    public static final String MAINTENANCE_WRITE = "maintenance:write";

    private Scopes() {
    }
}
