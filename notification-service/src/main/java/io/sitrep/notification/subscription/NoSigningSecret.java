package io.sitrep.notification.subscription;

/** A secret rotation asked of a subscription that signs nothing: only webhooks have a signing secret. */
public final class NoSigningSecret extends RuntimeException {

    public NoSigningSecret(SubscriptionId id) {
        super("The subscription " + id + " is not a webhook: it has no signing secret to rotate.");
    }
}
