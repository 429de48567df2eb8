package io.sitrep.notification.subscription;

import java.time.Instant;
import java.util.UUID;

/**
 * What the subscription side asks of deliveries, without knowing them; the delivery side implements it. Every
 * method runs in the caller's transaction.
 */
public interface SubscriptionDeliveries {

    /** The event type of the confirmation email's delivery; not an event of the contract. */
    String CONFIRMATION = "subscription.confirmation";

    /**
     * The event type of the email that tells a webhook's contact address (of a webhook subscribed from the status page)
     * that it was disabled; not an event of the contract.
     */
    String DISABLED_NOTICE = "subscription.disabled_notice";

    /** The endpoint of an email subscription: the SMTP server, which all email shares. */
    String SMTP_ENDPOINT = "smtp";

    /** Cancels what the subscription still had to send (it was deleted, unsubscribed or replaced). */
    void cancelOpen(SubscriptionId id, String reason);

    /** Whether a confirmation email of the subscription is still on its way. */
    boolean confirmationOnItsWay(SubscriptionId id);

    /**
     * Queues a confirmation email, continuing the current trace; it goes out once the transaction commits.
     *
     * @param eventId unique per subscription: a new one for each email sent again
     */
    void queueConfirmation(SubscriptionId id, UUID eventId, Instant now);
}
