package io.sitrep.notification.subscription;

/** No subscription has this id (or it was deleted). */
public final class UnknownSubscription extends RuntimeException {

    public UnknownSubscription(SubscriptionId id) {
        super("No subscription has the id " + id + ".");
    }
}
