package io.sitrep.notification.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The right of one dispatcher to send a delivery until {@code until}. Every change of a delivery under a lease
 * names it, so a dispatcher whose lease expired and was taken over cannot overwrite the newer outcome.
 */
public record Lease(UUID id, Instant until) {

    public Lease {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(until, "until");
    }

    public boolean expiredAt(Instant now) {
        return until.isBefore(now);
    }
}
