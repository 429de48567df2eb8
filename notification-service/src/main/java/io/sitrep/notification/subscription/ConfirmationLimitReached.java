package io.sitrep.notification.subscription;

import java.time.Duration;

/** An email address was sent as many confirmation emails in the last hour as it may be. */
public final class ConfirmationLimitReached extends RuntimeException {

    private final Duration retryAfter;

    public ConfirmationLimitReached(int perHour, Duration retryAfter) {
        super("this address was sent " + perHour + " confirmation emails in the last hour, as many as it may be; ask again later");
        this.retryAfter = retryAfter;
    }

    /** When the next confirmation email may be asked for. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
