package io.sitrep.notification.subscription;

/** A command that needs an active subscription met one that is not. */
public final class SubscriptionNotActive extends RuntimeException {

    public SubscriptionNotActive(SubscriptionId id, SubscriptionStatus status, String what) {
        super("The subscription " + id + " is " + status.wireName() + ": " + what);
    }
}
