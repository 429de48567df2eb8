package io.sitrep.notification.target;

/** A webhook URL that may not be called: a wrong scheme, or an address this service must not reach. */
public final class TargetRefused extends RuntimeException {

    public TargetRefused(String reason) {
        super(reason);
    }
}
