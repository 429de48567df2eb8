package io.sitrep.notification.delivery;

import io.sitrep.notification.subscription.SubscriptionDeliveries;

/** Names of endpoints, the keys by which deliveries are isolated from each other. */
public final class Endpoints {

    /** The endpoint of every email: the SMTP server. */
    public static final String SMTP = SubscriptionDeliveries.SMTP_ENDPOINT;

    /** How many emails go out at once: the slots of the SMTP endpoint. */
    public record SmtpSlots(int value) {

        public SmtpSlots {
            if (value < 1) {
                throw new IllegalArgumentException("at least one SMTP slot");
            }
        }
    }

    private Endpoints() {
    }
}
