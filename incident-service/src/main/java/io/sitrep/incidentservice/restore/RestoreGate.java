package io.sitrep.incidentservice.restore;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** Whether this instance is restoring its state, and since when: writes wait for the restore's end. */
public class RestoreGate {

    private final AtomicReference<Instant> restoringSince = new AtomicReference<>();

    /** Closes the gate; false when a restore holds it already. */
    boolean close(Instant now) {
        return restoringSince.compareAndSet(null, now);
    }

    void open() {
        restoringSince.set(null);
    }

    public boolean restoring() {
        return restoringSince.get() != null;
    }
}
