package io.sitrep.notification.delivery;

import io.sitrep.notification.subscription.SubscriptionDeliveries;

/** Names of endpoints, the keys by which deliveries are isolated from each other. */
public final class Endpoints {

    /** The endpoint of every email: the SMTP server. */
    public static final String SMTP = SubscriptionDeliveries.SMTP_ENDPOINT;

    private Endpoints() {
    }
}
