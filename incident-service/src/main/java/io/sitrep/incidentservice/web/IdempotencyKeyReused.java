package io.sitrep.incidentservice.web;

/** An Idempotency-Key sent again with a different request. */
public final class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("The Idempotency-Key '" + key + "' was used before with a different request; use a new key for a new request.");
    }
}
