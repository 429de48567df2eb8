package io.sitrep.notification.delivery;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Wakes the dispatcher when deliveries commit or an attempt ends, so that it need not wait for its next poll. */
public final class DispatchSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signalled = lock.newCondition();
    private boolean pending;
    private boolean handedOver;

    /** Something may be due: look now. */
    public void wake() {
        lock.lock();
        try {
            pending = true;
            signalled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Deliveries were handed over ({@link HandOff}): take them; no claim is asked for. */
    public void handOver() {
        lock.lock();
        try {
            handedOver = true;
            signalled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for a wake-up, a hand-off or the timeout, whichever comes first.
     *
     * @return whether to claim: woken for it, or the timeout passed; false when only a hand-off came
     */
    public boolean await(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!pending && !handedOver && nanos > 0) {
                nanos = signalled.awaitNanos(nanos);
            }
            boolean claim = pending || !handedOver;
            pending = false;
            handedOver = false;
            return claim;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits out what is left of the claim interval, or less: deliveries handed over meanwhile end the wait, since they need
     * no claim and are sent at once. A wake-up does not end it, and is kept for the claim the wait comes before.
     *
     * @return whether deliveries were handed over (take them before claiming)
     */
    public boolean pauseUnlessHandedOver(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!handedOver && nanos > 0) {
                nanos = signalled.awaitNanos(nanos);
            }
            boolean handed = handedOver;
            handedOver = false;
            return handed;
        } finally {
            lock.unlock();
        }
    }

    /** Waits without a wake-up, e.g. to back off after an error. */
    public void pause(Duration timeout) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(timeout.toNanos());
    }
}
