package io.sitrep.notification.security;

/** The scopes notification-service's commands need; {@code admin} grants them all. */
public final class Scopes {

    public static final String SUBSCRIPTIONS_WRITE = "subscriptions:write";
    public static final String DELIVERIES_WRITE = "deliveries:write";

    private Scopes() {
    }
}
